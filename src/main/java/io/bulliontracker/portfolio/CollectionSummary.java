package io.bulliontracker.portfolio;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A legacy shape both clients read differently: the envelope, whose {@code data} the mobile client reads,
 * plus the web client's fields beside {@code success} and {@code data}. Values are book values;
 * {@code bullionByMetal.count} sums quantities, every other count is item rows.
 */
public record CollectionSummary(boolean success, Data data, BigDecimal totalValue, long totalItems,
        BigDecimal bullionValue, long bullionCount, BigDecimal numismaticValue, long numismaticCount,
        Map<String, ValueCount> bullionByMetal, Map<String, ValueCount> numismaticBySeries,
        BigDecimal preciousMetalGoldOz, BigDecimal preciousMetalSilverOz, BigDecimal preciousMetalPlatinumOz) {

    /** What the mobile client reads; {@code byMetal} covers every item by its metal. */
    public record Data(BigDecimal totalValue, long totalItems, long bullionItems, long numismaticItems,
            BigDecimal bullionValue, BigDecimal numismaticValue, Map<String, MetalHolding> byMetal) {
    }

    /** {@code weightOz}: fine ounces; {@code value}: book value; {@code items}: rows. */
    public record MetalHolding(BigDecimal weightOz, BigDecimal value, long items) {
    }

    public record ValueCount(BigDecimal value, long count) {
    }
}
