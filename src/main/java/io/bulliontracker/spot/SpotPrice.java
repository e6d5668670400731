package io.bulliontracker.spot;

import java.math.BigDecimal;

/** A metal's latest price and its change over 24 hours; every field but {@code metal} is null without a row. */
public record SpotPrice(String metal, BigDecimal pricePerOz, BigDecimal change24h, BigDecimal changePercent24h,
        String lastUpdated) {
}
