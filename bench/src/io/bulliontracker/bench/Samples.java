package io.bulliontracker.bench;

import java.util.ArrayList;
import java.util.List;

/** Latencies of repeated calls, in milliseconds, and the statistics the report uses. */
record Samples(List<Double> millis) {

    int count() {
        return millis.size();
    }

    double median() {
        List<Double> sorted = sorted();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Nearest-rank 95th percentile: with 30 calls the 29th fastest, with 3 calls the slowest. */
    double p95() {
        return percentile(95);
    }

    double percentile(double p) {
        List<Double> sorted = sorted();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private List<Double> sorted() {
        if (millis.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        return sorted;
    }
}
