package io.bulliontracker.bench;

/**
 * Entry point, called three times by run.sh: {@code count} while the service runs behind the
 * statement-counting proxy, {@code network} behind the same proxy with a latency per round trip, and
 * {@code measure} once the service runs connected straight to PostgreSQL.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: Bench count|network|measure --key=value ...");
        }
        BenchSettings settings = BenchSettings.parse(args);
        switch (args[0]) {
            case "count" -> new CountPhase(settings).run();
            case "network" -> new NetworkPhase(settings).run();
            case "measure" -> new MeasurePhase(settings).run();
            default -> throw new IllegalArgumentException("unknown phase " + args[0]);
        }
    }
}
