package io.bulliontracker.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A calendar date the service can store and give back unchanged: from {@link #FLOOR} to {@link #CEILING}.
 *
 * <p>Why a range at all: PostgreSQL's {@code date} ends at 4713 BC and 5874897 AD and has no year 0, and
 * counts days before 1582-10-15 in the Julian calendar, where Java counts them in the proleptic Gregorian
 * one. So {@code -4713-01-01} reached the database and answered 500, and {@code 0000-06-15} or
 * {@code 1582-10-10} were stored as other dates than the ones sent. The floor is 1900-01-01: no price in
 * the guide, no spot price and no purchase by a collector using the app predates it, and everything from
 * there on means the same day in Java and in PostgreSQL. The ceiling is the last four-digit year.
 *
 * <p>Put it on a body's date: a {@link LocalDate}, or text holding a date {@code YYYY-MM-DD} or an
 * ISO-8601 timestamp with an offset (whose UTC date counts). Text that is neither passes here: its
 * format is the job of the field's own constraint, so a client gets one reason, not two. Null passes.
 * Query parameters of type {@link LocalDate} get the same rule from {@link QueryParamConverters}.
 */
@Constraint(validatedBy = {PlausibleDate.ForDate.class, PlausibleDate.ForText.class})
@Documented
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlausibleDate {

    LocalDate FLOOR = LocalDate.of(1900, 1, 1);
    LocalDate CEILING = LocalDate.of(9999, 12, 31);
    String REASON = "must be a date from 1900-01-01 to 9999-12-31";

    String message() default REASON;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself, for code that holds a date outside Bean Validation. */
    final class Range {

        private Range() {
        }

        public static boolean contains(LocalDate date) {
            return !date.isBefore(FLOOR) && !date.isAfter(CEILING);
        }
    }

    class ForDate implements ConstraintValidator<PlausibleDate, LocalDate> {

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || Range.contains(value);
        }
    }

    class ForText implements ConstraintValidator<PlausibleDate, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String text = value.toString().strip();
            try {
                return Range.contains(LocalDate.parse(text));
            } catch (DateTimeParseException notADate) {
                try {
                    return Range.contains(OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
                } catch (DateTimeParseException notATimestamp) {
                    return true;
                } catch (DateTimeException beyondJavaTime) {
                    // A timestamp so far out that its UTC date does not exist is not plausible either.
                    return false;
                }
            }
        }
    }
}
