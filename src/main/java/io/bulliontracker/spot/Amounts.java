package io.bulliontracker.spot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The contract's rounding, applied once at the end to values computed at full precision: money and
 * percentages half-up to 2 decimals, ounces to 4.
 */
public final class Amounts {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Amounts() {
    }

    public static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal ounces(BigDecimal ounces) {
        return ounces.setScale(4, RoundingMode.HALF_UP);
    }

    /** part ÷ whole × 100 rounded to 2 decimals; 0 when the whole is not positive. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return quotient(part.multiply(HUNDRED), whole);
    }

    /** part ÷ whole rounded to 2 decimals; 0 when the whole is not positive. */
    public static BigDecimal quotient(BigDecimal part, BigDecimal whole) {
        if (whole.signum() <= 0) {
            return money(BigDecimal.ZERO);
        }
        return money(part.divide(whole, MathContext.DECIMAL128));
    }
}
