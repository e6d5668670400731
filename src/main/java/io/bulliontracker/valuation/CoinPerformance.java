package io.bulliontracker.valuation;

import java.math.BigDecimal;

/** One coin of the performance report. {@code priceOneMonthAgo} keeps the old clients' name for the price at the cut-off. */
public record CoinPerformance(String id, String title, String grade, String coinReferenceId,
        BigDecimal currentPrice, BigDecimal priceOneMonthAgo, BigDecimal change, BigDecimal changePercent,
        String priceSource) {
}
