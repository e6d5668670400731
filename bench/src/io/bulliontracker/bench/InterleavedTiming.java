package io.bulliontracker.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Times the three designs of one route and size in the same stretch of time, round-robin, instead of
 * one design after another. On this 2-core VM the cost of a round trip drifts over tens of seconds (an
 * N+1 statement took anywhere from 30 to 130 us within one JVM, with nothing else running), so timing
 * the designs in separate windows would let that drift decide the ratios. Interleaved, every design
 * sees the same conditions. A design with fewer calls (the N+1 baseline) has them spread evenly over
 * the rounds.
 */
final class InterleavedTiming {

    /** One design's calls: how many untimed and timed, and what one call is. */
    record Plan(Design design, int warmups, int calls, Callable<?> call) {
    }

    private InterleavedTiming() {
    }

    /** Warm-up calls of every design first, then {@code afterWarmup}, then the timed rounds. */
    static Map<Design, Samples> run(List<Plan> plans, Runnable afterWarmup) {
        try {
            for (Plan plan : plans) {
                for (int i = 0; i < plan.warmups(); i++) {
                    plan.call().call();
                }
            }
            afterWarmup.run();
            int rounds = plans.stream().mapToInt(Plan::calls).max().orElse(0);
            Map<Design, List<Double>> millis = new EnumMap<>(Design.class);
            for (int round = 0; round < rounds; round++) {
                for (Plan plan : plans) {
                    if (dueIn(round, plan.calls(), rounds)) {
                        long start = System.nanoTime();
                        plan.call().call();
                        millis.computeIfAbsent(plan.design(), d -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
                    }
                }
            }
            Map<Design, Samples> samples = new EnumMap<>(Design.class);
            millis.forEach((design, values) -> samples.put(design, new Samples(values)));
            return samples;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a design with {@code calls} calls spread over {@code rounds} rounds has one in this round. */
    private static boolean dueIn(int round, int calls, int rounds) {
        return (long) (round + 1) * calls / rounds > (long) round * calls / rounds;
    }
}
