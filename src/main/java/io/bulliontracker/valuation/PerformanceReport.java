package io.bulliontracker.valuation;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PerformanceReport(
        @Schema(description = "Best first: changePercent descending, then id") List<CoinPerformance> coins,
        @Schema(description = "The first coin, null when there is none") CoinPerformance bestPerformer,
        @Schema(description = "The last coin, null when there is none") CoinPerformance worstPerformer,
        @Schema(description = "The days asked for", example = "30") int periodDays) {

    /** Coins arrive ordered best first; best and worst are the ends of that order (null when empty). */
    public static PerformanceReport of(List<CoinPerformance> ordered, int days) {
        if (ordered.isEmpty()) {
            return new PerformanceReport(ordered, null, null, days);
        }
        return new PerformanceReport(ordered, ordered.get(0), ordered.get(ordered.size() - 1), days);
    }
}
