package io.bulliontracker.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The contract's money rule, without the service: full precision, then half-up (away from zero) to cents. */
class MoneyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2.345, 2.35",
            "2.344999, 2.34",
            "0.005, 0.01",
            "0.0049, 0.00",
            "-2.345, -2.35",
            "-0.005, -0.01",
            "-2.344, -2.34",
            "10, 10.00",
            "1234567890.125, 1234567890.13",
            "0, 0.00"})
    void centsRoundHalfAwayFromZeroToTwoDecimals(String amount, String expected) {
        BigDecimal cents = Money.cents(new BigDecimal(amount));

        // equals, not compareTo: the scale is part of the answer (10.00, not 10).
        assertEquals(new BigDecimal(expected), cents);
    }

    @ParameterizedTest(name = "{0} of {1} -> {2} %")
    @CsvSource({
            // The contract's own example: 150 / 2300 x 100 = 6.5217...
            "150.00, 2300.00, 6.52",
            "1, 3, 33.33",
            "2, 3, 66.67",
            "-2, 3, -66.67",
            "1, 8, 12.50",
            // 0.125 % rounds up, -0.125 % down: half away from zero.
            "0.00125, 1, 0.13",
            "-0.00125, 1, -0.13",
            // From the unrounded change: 0.004 would be 0.00 in cents, yet it is 40 % of 0.01.
            "0.004, 0.01, 40.00",
            "-100, 100, -100.00",
            // Rounded once, from the exact quotient 0.12499...9 (36 digits): rounding it to 34 digits
            // first would make it 0.125 and then 0.13.
            "0.00124999999999999999999999999999999999, 1, 0.12",
            "-0.00124999999999999999999999999999999999, 1, -0.12"})
    void percentIsChangeOverBaseTimesHundredRoundedOnce(String change, String base, String expected) {
        assertEquals(new BigDecimal(expected), Money.percentOf(new BigDecimal(change), new BigDecimal(base)));
    }

    @ParameterizedTest(name = "base {0}")
    @CsvSource({"0", "0.00", "-5"})
    void percentOfANonPositiveBaseIsZero(String base) {
        assertEquals(new BigDecimal("0.00"), Money.percentOf(new BigDecimal("7.50"), new BigDecimal(base)));
    }
}
