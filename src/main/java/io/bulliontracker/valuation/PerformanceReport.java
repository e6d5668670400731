package io.bulliontracker.valuation;

import java.util.List;

public record PerformanceReport(List<CoinPerformance> coins, CoinPerformance bestPerformer,
        CoinPerformance worstPerformer, int periodDays) {

    /** Coins arrive ordered best first; best and worst are the ends of that order (null when empty). */
    public static PerformanceReport of(List<CoinPerformance> ordered, int days) {
        if (ordered.isEmpty()) {
            return new PerformanceReport(ordered, null, null, days);
        }
        return new PerformanceReport(ordered, ordered.get(0), ordered.get(ordered.size() - 1), days);
    }
}
