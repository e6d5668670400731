package io.bulliontracker.valuation;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One price-guide row that has at least one price. */
public record GuidePrice(BigDecimal pcgsPrice, BigDecimal greysheetPrice, LocalDate priceDate) {

    /** Performance prefers the PCGS price and falls back to the Greysheet one. */
    public BigDecimal marketPrice() {
        return pcgsPrice != null ? pcgsPrice : greysheetPrice;
    }

    public String marketSource() {
        return pcgsPrice != null ? "PCGS" : "GREYSHEET";
    }

    /** Book value prefers the Greysheet (dealer) price and falls back to the PCGS one. */
    public BigDecimal bookValue() {
        return greysheetPrice != null ? greysheetPrice : pcgsPrice;
    }

    public String bookValueSource() {
        return greysheetPrice != null ? "greysheet" : "pcgs";
    }
}
