package io.bulliontracker.bench;

/**
 * Entry point, called twice by run.sh: {@code count} while the service runs behind the
 * statement-counting proxy, {@code measure} once it runs connected straight to PostgreSQL.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: Bench count|measure --key=value ...");
        }
        BenchSettings settings = BenchSettings.parse(args);
        switch (args[0]) {
            case "count" -> new CountPhase(settings).run();
            case "measure" -> new MeasurePhase(settings).run();
            default -> throw new IllegalArgumentException("unknown phase " + args[0]);
        }
    }
}
