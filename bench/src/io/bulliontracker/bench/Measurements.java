package io.bulliontracker.bench;

import java.util.HashMap;
import java.util.Map;

/** What the timing phase measured: latencies per route, size and design, and the throughput run. */
final class Measurements {

    private final Map<String, Samples> latencies = new HashMap<>();
    private final Map<Integer, Integer> performanceBytes = new HashMap<>();
    LoadTest.Result load;
    int loadSize;
    String loadAverageBefore = "unknown";
    String loadAverageAfter = "unknown";

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
