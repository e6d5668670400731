package io.bulliontracker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Latencies of repeated calls, in milliseconds, and the statistics the report uses. */
record Samples(List<Double> millis) {

    /** Runs {@code warmups} untimed calls, then times {@code calls} calls one after another. */
    static Samples time(int warmups, int calls, Callable<?> call) {
        return time(warmups, calls, call, () -> { });
    }

    /** As above, running {@code afterWarmup} between the warm-up and the timed calls. */
    static Samples time(int warmups, int calls, Callable<?> call, Runnable afterWarmup) {
        try {
            for (int i = 0; i < warmups; i++) {
                call.call();
            }
            afterWarmup.run();
            List<Double> millis = new ArrayList<>(calls);
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                call.call();
                millis.add((System.nanoTime() - start) / 1e6);
            }
            return new Samples(millis);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

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
