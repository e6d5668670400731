package io.bulliontracker.portfolio;

import java.math.BigDecimal;

/**
 * {@code *Oz}: fine ounces per metal over all items; {@code preciousMetal*Oz}: the same over numismatic
 * items only. Gain and its percent count only items whose cost is known. {@code asOf}: the answer's time.
 */
public record PortfolioSummary(long totalItems, BigDecimal goldOz, BigDecimal silverOz, BigDecimal platinumOz,
        BigDecimal palladiumOz, BigDecimal preciousMetalGoldOz, BigDecimal preciousMetalSilverOz,
        BigDecimal preciousMetalPlatinumOz, BigDecimal totalMeltValue, BigDecimal totalBookValue,
        BigDecimal totalCostBasis, BigDecimal totalGain, BigDecimal gainPercent, long itemsWithoutSpot,
        long unpricedItems, SpotPriceSet spotPrices, String asOf) {

    /** Each metal's latest price per ounce, null without a row. */
    public record SpotPriceSet(BigDecimal gold, BigDecimal silver, BigDecimal platinum, BigDecimal palladium) {
    }
}
