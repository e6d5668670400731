package io.bulliontracker.bench;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the floor's time goes: the duration of each of its statements, which it runs one after another
 * on one connection, so each duration is that statement's own round trip. Shows which statement
 * dominates a route at the largest size.
 */
final class StatementTimes {

    private final Map<String, List<Double>> millis = new LinkedHashMap<>();

    <T> Future<T> time(String statement, Supplier<Future<T>> execution) {
        long start = System.nanoTime();
        return execution.get().onSuccess(ignored -> {
            synchronized (this) {
                millis.computeIfAbsent(statement, k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
            }
        });
    }

    synchronized void clear() {
        millis.clear();
    }

    synchronized Map<String, Samples> snapshot() {
        Map<String, Samples> copy = new LinkedHashMap<>();
        millis.forEach((statement, values) -> copy.put(statement, new Samples(List.copyOf(values))));
        return copy;
    }
}
