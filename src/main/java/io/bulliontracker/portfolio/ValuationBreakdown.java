package io.bulliontracker.portfolio;

import java.math.BigDecimal;

/** The book value split by how each item is valued; {@code lastSyncDate} is YYYY-MM-DD or null. */
public record ValuationBreakdown(SpotPremium spotPremium, GuidePrice guidePrice, Custom custom, String lastSyncDate) {

    /** {@code avgPremiumPercent} weighs each item's premium by its melt value. */
    public record SpotPremium(long count, BigDecimal totalValue, BigDecimal totalPremium, BigDecimal avgPremiumPercent) {
    }

    public record GuidePrice(long count, BigDecimal totalValue, BigDecimal totalMeltValue, BigDecimal premiumOverMelt) {
    }

    public record Custom(long count, BigDecimal totalValue) {
    }
}
