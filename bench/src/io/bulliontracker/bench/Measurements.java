package io.bulliontracker.bench;

import java.util.HashMap;
import java.util.Map;

/** What the timing phase measured: latencies per route, size and design, and the throughput run. */
final class Measurements {

    private final Map<String, Samples> latencies = new HashMap<>();
    private final Map<Integer, Integer> performanceBytes = new HashMap<>();
    private final Map<String, Map<String, Samples>> floorStatements = new HashMap<>();
    /** CPU used by processes other than the service, the bench and PostgreSQL during the busiest timed block. */
    double maxOtherCpu;
    String maxOtherCpuBlock = "-";
    LoadTest.Result load;
    int loadSize;
    String loadAverageBefore = "unknown";
    String loadAverageAfter = "unknown";
    private final Map<String, Samples> portfolio = new HashMap<>();
    /** The second refresh of the day (steady state), timed on the service straight on PostgreSQL; null: not run. */
    Refresh refresh;

    /** One timed refresh: its wall time from the client and what it reported. */
    record Refresh(double millis, long synced, long updated, long skipped, long batches, long durationMs) {
    }

    void putPortfolio(PortfolioRoute route, int size, Samples samples) {
        portfolio.put(route.key + "." + size, samples);
    }

    /** Null when the route was not measured (it answered 404). */
    Samples portfolio(PortfolioRoute route, int size) {
        return portfolio.get(route.key + "." + size);
    }

    void put(Route route, int size, Design design, Samples samples) {
        latencies.put(key(route, size, design), samples);
    }

    Samples get(Route route, int size, Design design) {
        Samples samples = latencies.get(key(route, size, design));
        if (samples == null) {
            throw new IllegalStateException("not measured: " + key(route, size, design));
        }
        return samples;
    }

    void floorStatements(Route route, int size, Map<String, Samples> byStatement) {
        floorStatements.put(route.key + "." + size, byStatement);
    }

    /** The floor's time per statement (in execution order) for one route and size. */
    Map<String, Samples> floorStatements(Route route, int size) {
        return floorStatements.getOrDefault(route.key + "." + size, Map.of());
    }

    void blockCpu(Route route, int size, CpuMeter.Usage cpu) {
        if (cpu.other() > maxOtherCpu) {
            maxOtherCpu = cpu.other();
            maxOtherCpuBlock = route.key + " at " + size + " items";
        }
    }

    void performanceBytes(int size, int bytes) {
        performanceBytes.put(size, bytes);
    }

    int performanceBytes(int size) {
        return performanceBytes.getOrDefault(size, 0);
    }

    private static String key(Route route, int size, Design design) {
        return route.key + "." + size + "." + design.key;
    }
}
