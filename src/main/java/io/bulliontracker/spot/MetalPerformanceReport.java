package io.bulliontracker.spot;

import java.util.List;

public record MetalPerformanceReport(List<MetalPerformance> metals, MetalPerformance bestPerformer,
        MetalPerformance worstPerformer, int periodDays) {

    /** Metals arrive best first; best and worst are the ends of that order (null when there are none). */
    static MetalPerformanceReport of(List<MetalPerformance> ordered, int days) {
        if (ordered.isEmpty()) {
            return new MetalPerformanceReport(ordered, null, null, days);
        }
        return new MetalPerformanceReport(ordered, ordered.get(0), ordered.get(ordered.size() - 1), days);
    }
}
