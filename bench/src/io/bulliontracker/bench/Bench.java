package io.bulliontracker.bench;

/**
 * Entry point, called by run.sh for each phase: {@code count} while the service runs behind the
 * statement-counting proxy, {@code network} behind the same proxy with a latency per round trip,
 * {@code measure} once the service runs connected straight to PostgreSQL (it writes RESULTS.md), then
 * {@code profile} (the throughput run again while the service records a flight recording) and
 * {@code profile-report} (that recording summed into RESULTS.md).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: Bench count|network|measure|profile|profile-report --key=value ...");
        }
        BenchSettings settings = BenchSettings.parse(args);
        switch (args[0]) {
            case "count" -> new CountPhase(settings).run();
            case "network" -> new NetworkPhase(settings).run();
            case "measure" -> new MeasurePhase(settings).run();
            case "profile" -> new ProfilePhase(settings).load();
            case "profile-report" -> new ProfilePhase(settings).report();
            default -> throw new IllegalArgumentException("unknown phase " + args[0]);
        }
    }
}
