package io.bulliontracker.spot;

import java.math.BigDecimal;

/** {@code priceOneMonthAgo} keeps the clients' name; it holds the price at the cut-off of whatever {@code days} was asked. */
public record MetalPerformance(String metal, BigDecimal currentPrice, BigDecimal priceOneMonthAgo, BigDecimal change,
        BigDecimal changePercent) {
}
