package io.bulliontracker.valuation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The contract's money rule: compute at full precision, round half-up to cents at the end. */
final class Money {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** change / base × 100, or 0 when the base is not positive. */
    static BigDecimal percentOf(BigDecimal change, BigDecimal base) {
        if (base.signum() <= 0) {
            return cents(BigDecimal.ZERO);
        }
        return cents(change.multiply(HUNDRED).divide(base, MathContext.DECIMAL128));
    }
}
