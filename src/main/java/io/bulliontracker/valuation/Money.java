package io.bulliontracker.valuation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The contract's money rule: compute at full precision, round half-up to cents at the end. */
final class Money {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * change / base × 100, or 0 when the base is not positive: the exact quotient rounded half-up to
     * cents in one division. Dividing to 34 digits first and rounding that to cents rounded twice, and
     * its 34-digit long division was the largest cost of the service's own code per performance request
     * (bench: JFR profile of the throughput run).
     */
    static BigDecimal percentOf(BigDecimal change, BigDecimal base) {
        if (base.signum() <= 0) {
            return cents(BigDecimal.ZERO);
        }
        return change.multiply(HUNDRED).divide(base, 2, RoundingMode.HALF_UP);
    }
}
