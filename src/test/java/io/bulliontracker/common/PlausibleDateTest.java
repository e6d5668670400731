package io.bulliontracker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reusable date rule on body fields, as the catalog and collection records would carry it. */
class PlausibleDateTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    record Typed(@PlausibleDate LocalDate priceDate) {
    }

    record Text(@Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date YYYY-MM-DD") @PlausibleDate String priceDate) {
    }

    record Dates(List<@PlausibleDate LocalDate> dates) {
    }

    private static List<String> reasons(Object bean) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(bean);
        return violations.stream().map(ConstraintViolation::getMessage).sorted().toList();
    }

    @Test
    void theRangeIsInclusiveAtBothEnds() {
        assertEquals(List.of(), reasons(new Typed(LocalDate.of(1900, 1, 1))));
        assertEquals(List.of(), reasons(new Typed(LocalDate.of(9999, 12, 31))));
        assertEquals(List.of(), reasons(new Typed(LocalDate.of(2025, 1, 15))));
        assertEquals(List.of(), reasons(new Typed(null)));

        assertEquals(List.of("must be a date from 1900-01-01 to 9999-12-31"), reasons(new Typed(LocalDate.of(1899, 12, 31))));
        assertEquals(List.of("must be a date from 1900-01-01 to 9999-12-31"), reasons(new Typed(LocalDate.of(10000, 1, 1))));
    }

    /** What PostgreSQL refuses (before 4713 BC), has no year for (0) or counts in another calendar (before 1582-10-15). */
    @ParameterizedTest
    @ValueSource(strings = {"-4713-01-01", "-4714-11-24", "0000-06-15", "1582-10-10", "1582-10-15", "1899-12-31", "+10000-01-01",
            "+999999999-12-31", "-999999999-01-01"})
    void datesTheDatabaseWouldRefuseOrMoveAreRefused(String raw) {
        assertEquals(List.of("must be a date from 1900-01-01 to 9999-12-31"), reasons(new Typed(LocalDate.parse(raw))), raw);
        assertTrue(reasons(new Text(raw)).contains("must be a date from 1900-01-01 to 9999-12-31"), raw);
    }

    @Test
    void textIsCheckedAsADate() {
        assertEquals(List.of(), reasons(new Text("2025-01-15")));
        assertEquals(List.of(), reasons(new Text(null)));
    }

    /** The web client sends purchase dates as timestamps; their UTC date is the one that counts. */
    @Test
    void textHoldingATimestampIsCheckedByItsUtcDate() {
        PlausibleDate.ForText rule = new PlausibleDate.ForText();

        assertTrue(rule.isValid("2025-01-15T00:00:00.000Z", null));
        assertTrue(rule.isValid("1899-12-31T23:00:00-01:00", null), "1900-01-01 in UTC");
        assertFalse(rule.isValid("1900-01-01T03:00:00+04:00", null), "1899-12-31 in UTC");
        assertFalse(rule.isValid("9999-12-31T20:00:00-05:00", null), "10000-01-01 in UTC");
        assertFalse(rule.isValid("+999999999-12-31T20:00:00-05:00", null), "no such UTC date in java.time");
    }

    @Test
    void textThatIsNoDateIsLeftToTheFieldsFormatRule() {
        // One reason per mistake: the format constraint speaks, the range stays silent.
        assertEquals(List.of("must be a date YYYY-MM-DD"), reasons(new Text("yesterday")));
        assertEquals(List.of("must be a date YYYY-MM-DD"), reasons(new Text("2024-1-5")));
    }

    @Test
    void elementsOfAListAreCheckedOneByOne() {
        List<String> reasons = reasons(new Dates(List.of(LocalDate.of(2024, 1, 1), LocalDate.of(1, 1, 1))));

        assertEquals(List.of("must be a date from 1900-01-01 to 9999-12-31"), reasons);
    }

    @Test
    void theRuleIsUsableWithoutBeanValidation() {
        assertTrue(PlausibleDate.Range.contains(PlausibleDate.FLOOR));
        assertTrue(PlausibleDate.Range.contains(PlausibleDate.CEILING));
        assertFalse(PlausibleDate.Range.contains(PlausibleDate.FLOOR.minusDays(1)));
        assertFalse(PlausibleDate.Range.contains(PlausibleDate.CEILING.plusDays(1)));
    }
}
