package io.bulliontracker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** RESULTS.md: the machine, the latency table, throughput, each target and whether it was met, and how. */
final class Report {

    private static final double PERFORMANCE_TARGET_MILLIS = 75.0;
    private static final double SYNC_TARGET_MILLIS = 100.0;
    private static final double PORTFOLIO_SUMMARY_TARGET_MILLIS = 40.0;
    /** The contract's bound on a portfolio route's statements, whatever the items (and for history the span). */
    private static final int PORTFOLIO_STATEMENTS = 3;
    private static final double N_PLUS_ONE_SPEEDUP_TARGET = 20.0;
    private static final double P95_TARGET_MILLIS = 250.0;
    private static final long TIME_TARGET_SECONDS = 15 * 60;
    /** Other processes' CPU (in cores) above which a run is flagged as disturbed. */
    private static final double DISTURBED_CORES = 0.25;

    private final BenchSettings settings;
    private final CountResults counts;
    private final Measurements measured;
    private final MachineInfo machine;
    private final DataSummary data;
    private final List<NetworkPhase.Point> network;
    private final long elapsedSeconds;
    /** The sizes the targets are stated at: 10,000 and 1,000 items in a full run, the nearest in a quick one. */
    private final int largest;
    private final int middle;

    Report(BenchSettings settings, CountResults counts, Measurements measured, MachineInfo machine, DataSummary data,
            List<NetworkPhase.Point> network) {
        this.network = network;
        this.settings = settings;
        this.counts = counts;
        this.measured = measured;
        this.machine = machine;
        this.data = data;
        this.elapsedSeconds = Instant.now().getEpochSecond() - settings.startedEpochSeconds();
        this.largest = Collections.max(settings.sizes());
        this.middle = settings.sizes().contains(1000) ? 1000
                : settings.sizes().stream().filter(s -> s != largest).max(Integer::compare).orElse(largest);
    }

    void write(Path file) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Valuation benchmark results\n\n");
        if (settings.quick()) {
            md.append("> **Quick run** (`--quick`): small sizes and a short throughput run, for development. "
                    + "The targets are defined at 10,000 and 1,000 items; only a full run (`bash bench/run.sh`) decides them.\n\n");
        }
        md.append("Produced by `bash bench/run.sh").append(settings.quick() ? " --quick" : "").append("` on ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.ofEpochSecond(Instant.now().getEpochSecond())
                        .atOffset(ZoneOffset.UTC)))
                .append(" UTC, at commit `").append(settings.gitCommit()).append("` of this repository.\n\n");
        if (measured.maxOtherCpu > DISTURBED_CORES || measured.load.cpu().other() > DISTURBED_CORES) {
            md.append(String.format(Locale.ROOT, "> **Disturbed run**: processes other than the service, the bench and "
                    + "PostgreSQL used up to %.2f of the %d cores during timing (%s), and %.2f during the throughput run. "
                    + "The numbers below are slower and their ratios skewed; run again on a quiet machine.%n%n",
                    measured.maxOtherCpu, machine.cpus(), measured.maxOtherCpuBlock, measured.load.cpu().other()));
        }
        md.append("## Machine\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| CPUs (nproc) | ").append(machine.cpus()).append(" |\n");
        md.append("| memory | ").append(machine.memory()).append(" |\n");
        md.append("| CPU model | ").append(machine.cpuModel()).append(" |\n");
        md.append("| Java | ").append(machine.java()).append(" |\n");
        md.append("| PostgreSQL | ").append(machine.postgres()).append(" (same machine, 127.0.0.1:5432) |\n");
        md.append("| OS | ").append(machine.os()).append(" |\n");
        md.append("| load average (1 / 5 / 15 min) | ").append(measured.loadAverageBefore).append(" when timing began, ")
                .append(measured.loadAverageAfter).append(" when it ended |\n");
        md.append(String.format(Locale.ROOT, "| CPU used by other processes while timing | at most %.2f cores (%s); %.2f during the "
                + "throughput run |%n%n", measured.maxOtherCpu, measured.maxOtherCpuBlock, measured.load.cpu().other()));
        md.append("Service, load generator, baseline and PostgreSQL all share these cores (the load average counts the "
                + "benchmark's own work too: the counting phase just before timing, the throughput run just before its end).\n\n");
        md.append("## Latency\n\n").append(table()).append('\n');
        md.append("Milliseconds, median / p95, after a warm-up (see below). For each route and size the three designs are "
                + "timed round-robin in the same stretch of time. Service and floor: ").append(settings.warmupCalls())
                .append(" warm-up calls, then ").append(settings.measuredCalls()).append(" timed calls. N+1: ")
                .append(settings.nPlusOneWarmupCalls()).append(" + ").append(settings.nPlusOneMeasuredCalls());
        if (largest >= settings.nPlusOneLargeFrom()) {
            md.append(String.format(Locale.ROOT, ", and at %,d items only %d + %d because each call takes seconds "
                    + "(its p95 there is the slowest of %d)", settings.nPlusOneLargeFrom(), settings.nPlusOneLargeWarmupCalls(),
                    settings.nPlusOneLargeMeasuredCalls(), settings.nPlusOneLargeMeasuredCalls()));
        }
        md.append(". Statements per request exclude BEGIN/COMMIT (sync runs in one transaction in all three designs).\n\n");
        md.append("### Where the floor's time goes\n\n");
        md.append("Each statement's own round trip in ms, median over the floor's timed calls (the floor runs its statements "
                + "one after another on one connection).\n\n");
        md.append("| route | statement |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (int size : settings.sizes()) {
            md.append(String.format(Locale.ROOT, " %,d items |", size));
            rule.append("---:|");
        }
        md.append('\n').append(rule).append('\n');
        for (Route route : Route.values()) {
            for (String statement : measured.floorStatements(route, largest).keySet()) {
                md.append("| ").append(route.key).append(" | `").append(statement).append("` |");
                for (int size : settings.sizes()) {
                    Samples samples = measured.floorStatements(route, size).get(statement);
                    md.append(' ').append(samples == null ? "-" : ms(samples.median())).append(" |");
                }
                md.append('\n');
            }
        }
        md.append('\n').append(perItemCosts()).append('\n');
        md.append("![latency against collection size](").append(settings.chartFile().getFileName()).append(")\n\n");
        md.append("## Every route\n\n").append(otherRoutes()).append('\n');
        md.append("## The network case\n\n").append(networkCase()).append('\n');
        md.append("## Throughput\n\n");
        LoadTest.Result load = measured.load;
        md.append(String.format(Locale.ROOT, "`GET /api/coins/performance?days=30` for the %,d-item user, %d concurrent "
                + "keep-alive connections (Java load loop, %d threads), %d s after a %d s warm-up:\n\n",
                measured.loadSize, load.threads(), load.threads(), settings.loadSeconds(), settings.loadWarmupSeconds()));
        md.append("| requests | requests/s | errors | latency p50 | latency p99 |\n|---:|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| %,d | %,.0f | %d | %s ms | %s ms |\n\n", load.requests(),
                load.requestsPerSecond(), load.errors(), ms(load.p50Millis()), ms(load.p99Millis())));
        CpuMeter.Usage cpu = load.cpu();
        md.append(String.format(Locale.ROOT, "CPU during the run, in cores of %d: machine %.2f; service %.2f, load generator "
                + "%.2f, PostgreSQL %.2f, anything else %.2f. The load generator shares the cores with the service, so this "
                + "is a floor for what the service alone could serve.%n%n", cpu.cores(), cpu.machine(), cpu.service(),
                cpu.generator(), cpu.postgres(), cpu.other()));
        double perSecond = Math.max(load.requestsPerSecond(), 1e-9);
        md.append(String.format(Locale.ROOT, "CPU per request: service %.2f ms, PostgreSQL %.2f ms, load generator %.2f ms; "
                + "the whole machine %.2f ms (CPU time per second in cores ÷ requests per second).%n%n",
                cpu.service() * 1000 / perSecond, cpu.postgres() * 1000 / perSecond, cpu.generator() * 1000 / perSecond,
                cpu.machine() * 1000 / perSecond));
        if (load.firstError() != null) {
            md.append("First error: `").append(load.firstError()).append("`\n\n");
        }
        md.append("## Targets\n\n").append(targets()).append('\n');
        md.append("## The comparison is fair\n\n");
        md.append("Checked in the counting phase; a failed check stops the run before anything is timed.\n\n");
        for (int size : settings.sizes()) {
            md.append(String.format(Locale.ROOT, "- performance, %,d items: %s.\n", size, counts.check(Route.PERFORMANCE, size)));
            md.append(String.format(Locale.ROOT, "- sync, %,d items: %s.\n", size, counts.check(Route.SYNC, size)));
        }
        md.append('\n');
        md.append("## How it was measured\n\n");
        md.append(String.format(Locale.ROOT, "- **Data** (database `%s`, recreated each run, seed %s): %,d coins; %,d weekly "
                + "price rows for one year for each of the %,d (coin, grade) keys the items use, %,d of them (%.0f%%) without a "
                + "Greysheet price; users with %s numismatic `guide_price` items (%,d in all: %,d with no price at all, %,d with an "
                + "estimated `~` grade, %,d without a title so performance looks up the coin's name). Generated set-based in SQL "
                + "(`bench/sql/load-data.sql`) into the schema the service's own Flyway created.\n",
                settings.dbName(), settings.seed(), data.coins(), data.priceRows(), data.pricedKeys(),
                data.priceRowsWithoutGreysheet(), 100.0 * data.priceRowsWithoutGreysheet() / Math.max(1, data.priceRows()),
                sizesText(), data.items(), data.unpricedItems(), data.estimatedGradeItems(), data.untitledItems()));
        md.append(String.format(Locale.ROOT, "- **Portfolio data**: users `bench-portfolio-N` with %s items (%,d in all: %,d "
                + "BULLION `spot_premium` lots of 1/10 to 100 oz, mostly silver and gold; %,d NUMISMATIC `guide_price` coins "
                + "with their metal content and %,d weekly value-history rows over a year; the rest `custom`, copper coins "
                + "among them), purchase dates over three years; %s. Refresh: %,d users `bench-refresh-NNNN` with 100 "
                + "`guide_price` items each (%,d), on the priced keys above.%n",
                String.join(", ", settings.portfolioSizes().stream().map(n -> String.format(Locale.ROOT, "%,d", n)).toList()),
                data.portfolioItems(), data.portfolioBullion(), data.portfolioGuide(), data.portfolioHistoryRows(),
                data.spotRows() < 0 ? "no spot prices (this build's schema has no `spot_prices` table)"
                        : String.format(Locale.ROOT, "%,d hourly spot-price rows for a year for gold, silver, platinum "
                                + "and palladium", data.spotRows()),
                data.refreshUsers(), data.refreshItems()));
        md.append("- **Service**: the production jar (`java -jar target/quarkus-app/quarkus-run.jar`, default settings: pool of 20 "
                + "connections), called over HTTP/1.1 keep-alive with an RS256 bearer token, one call after another; a call's "
                + "time runs from sending the request to having read the whole body. Performance responses are ");
        List<String> bytes = new ArrayList<>();
        for (int size : settings.sizes()) {
            bytes.add(String.format(Locale.ROOT, "%,d bytes at %,d items", measured.performanceBytes(size), size));
        }
        md.append(String.join(", ", bytes)).append(".\n");
        md.append("- **Database floor**: the service's own statements (its `public static final` SQL constants, which the bench "
                + "is compiled against in the same Maven build as the jar) with the parameters the service binds, executed one after another over one "
                + "connection of the same Vert.x PostgreSQL client, with prepared statements cached as Quarkus does. No HTTP, "
                + "JSON or report assembly. The service sends three of its four performance statements concurrently on separate "
                + "pooled connections, so it can come in under this floor.\n");
        md.append("- **N+1 baseline** (`bench/src/.../NPlusOneBaseline.java`, not in the service): the same results with "
                + "per-item queries over one connection of the same client: performance reads the items, then per item the coin "
                + "reference, the current price and the price at the cut-off (1 + 3 per item); sync reads and locks the items, "
                + "then per item its latest price, an UPDATE and a history upsert (1 + 3 per priced item, 1 per unpriced item), "
                + "in one transaction. Every per-item query uses an index, and it has no HTTP or JSON cost: it is the N+1 "
                + "design at its best.\n");
        md.append(String.format(Locale.ROOT, "- **Warm-up**: nothing is timed cold. The timed service is a fresh JVM, and "
                + "until C2 has compiled its request path calls are slower and the compiler threads take CPU from the "
                + "requests (a 100-item performance call went from 12 ms to about 4 ms over the first ~15 s of calls here); "
                + "the N+1 baseline's statements likewise got several times cheaper once this JVM had compiled the client's "
                + "per-statement path. Before timing, every size gets one round of both routes, then the service runs both "
                + "routes on the two smaller sizes for %d s, then the floor and the N+1 baseline for %d s; each "
                + "measurement then has its own warm-up calls.\n", settings.warmupSeconds(), settings.nPlusOneWarmupSeconds()));
        md.append("- **Interleaved**: on this VM the cost of a round trip drifts over tens of seconds (one N+1 statement "
                + "took from 30 to 130 µs within one JVM with nothing else running), so the designs of one route and size "
                + "are timed round-robin (service, floor, N+1, service, ...; the N+1's fewer calls spread evenly) rather than "
                + "one after another, and every design sees the same conditions.\n");
        md.append("- **Vacuum**: autovacuum is off on this PostgreSQL server, and sync leaves dead rows (today's history rows "
                + "are rewritten on every call); the bench runs `VACUUM (ANALYZE)` on the two written tables before each "
                + "timed block.\n");
        md.append("- **Sync** is timed in the steady state: repeated calls on the same day, when every value is already "
                + "current, so its UPDATE changes no row and its upsert overwrites today's history row of each synced item. "
                + "The first sync from cleared values (which writes every value) is run once per design in the counting phase, "
                + "for its statement count and the fairness check, not timed.\n");
        md.append("- **Statements per request** are counted on the wire by a TCP proxy between client and PostgreSQL "
                + "(the tests' `PgWireProxy`, run as its own process: every simple Query and every extended-protocol Execute, "
                + "resolved to its statement's text; BEGIN/COMMIT/ROLLBACK excluded), in a separate start of the "
                + "service so the timed service connects straight to PostgreSQL without the extra hop.\n");
        md.append(String.format(Locale.ROOT, "- The whole command had run %s when this report was written, data load and "
                + "both service starts included; %s.\n", duration(elapsedSeconds),
                settings.buildSeconds() >= 0 ? "the Maven build of the jar took " + duration(settings.buildSeconds()) + " of it"
                        : "the jar was up to date, so there was no Maven build (from a fresh clone it adds 25–40 s here, with Maven's local repository filled)"));
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    }

    String table() {
        StringBuilder t = new StringBuilder();
        t.append("| route | items | service | database floor | N+1 baseline | service ÷ floor | N+1 ÷ service "
                + "| statements per request: service / floor / N+1 |\n");
        t.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Route route : Route.values()) {
            String call = route == Route.SYNC ? CountPhase.REPEAT : CountPhase.ONCE;
            for (int size : settings.sizes()) {
                Samples service = measured.get(route, size, Design.SERVICE);
                Samples floor = measured.get(route, size, Design.FLOOR);
                Samples nPlusOne = measured.get(route, size, Design.N_PLUS_ONE);
                t.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %.2f× | %.0f× | %d / %d / %,d |\n",
                        route.key, size, latency(service), latency(floor), latency(nPlusOne),
                        service.median() / floor.median(), nPlusOne.median() / service.median(),
                        counts.work(route, size, Design.SERVICE, call), counts.work(route, size, Design.FLOOR, call),
                        counts.work(route, size, Design.N_PLUS_ONE, call)));
            }
        }
        return t.toString();
    }

    String targets() {
        StringBuilder t = new StringBuilder();
        t.append("| target | measured | met | why not |\n|---|---|---|---|\n");
        latencyTarget(t, Route.PERFORMANCE, PERFORMANCE_TARGET_MILLIS);
        latencyTarget(t, Route.SYNC, SYNC_TARGET_MILLIS);
        for (PortfolioRoute route : PortfolioRoute.values()) {
            if (!route.summary()) {
                continue;
            }
            int size = settings.sizesFor(route).get(0);
            String target = String.format(Locale.ROOT, "%s at %,d items ≤ %.0f ms (median)", route.path, size,
                    PORTFOLIO_SUMMARY_TARGET_MILLIS);
            Samples samples = measured.portfolio(route, size);
            if (samples == null) {
                row(t, target, "not measured", false, counts.get(CountPhase.portfolioKey(route) + ".missing")
                        + ": the route is not in this build");
                continue;
            }
            int statements = counts.getInt(CountPhase.portfolioKey(route) + "." + size + ".work");
            boolean met = samples.median() <= PORTFOLIO_SUMMARY_TARGET_MILLIS;
            row(t, target, ms(samples.median()) + " ms", met, met ? "" : String.format(Locale.ROOT,
                    "%d statement(s) per request, so not round trips; this bench has no database floor for the portfolio "
                            + "routes, so it does not split the %s ms between PostgreSQL and the service (run the route's "
                            + "SQL with EXPLAIN ANALYZE on the bench database to see which)", statements, ms(samples.median())));
        }
        {
            Route route = Route.PERFORMANCE;
            double service = measured.get(route, middle, Design.SERVICE).median();
            double nPlusOne = measured.get(route, middle, Design.N_PLUS_ONE).median();
            double floorRatio = nPlusOne / measured.get(route, middle, Design.FLOOR).median();
            boolean met = nPlusOne / service >= N_PLUS_ONE_SPEEDUP_TARGET;
            int statements = counts.work(route, middle, Design.N_PLUS_ONE, CountPhase.ONCE);
            String why = "";
            if (!met) {
                String perStatement = String.format(Locale.ROOT, "on loopback an N+1 statement costs only %.0f µs, while "
                        + "reading and pricing an item set-based costs the database itself %.1f µs", nPlusOne * 1000 / statements,
                        measured.get(route, middle, Design.FLOOR).median() * 1000 / middle);
                why = floorRatio < N_PLUS_ONE_SPEEDUP_TARGET
                        ? String.format(Locale.ROOT, "%s: the floor, with no HTTP or JSON at all, is only %.1f× faster than "
                                + "N+1, so no service running this SQL can reach %.0f×", perStatement, floorRatio, N_PLUS_ONE_SPEEDUP_TARGET)
                        : String.format(Locale.ROOT, "%s; the floor reaches %.1f×, the service's own work (HTTP, JSON) takes "
                                + "the other %s ms", perStatement, floorRatio,
                                ms(service - measured.get(route, middle, Design.FLOOR).median()));
                String over = networkRatio(middle);
                if (!over.isEmpty()) {
                    why += "; with a network between service and database it is " + over;
                }
            }
            row(t, String.format(Locale.ROOT, "performance at %,d items at least %.0f× faster than N+1 on loopback (medians)",
                    middle, N_PLUS_ONE_SPEEDUP_TARGET),
                    String.format(Locale.ROOT, "%s ms ÷ %s ms = %.1f× (the database floor itself: %.1f×)", ms(nPlusOne),
                            ms(service), nPlusOne / service, floorRatio), met, why);
        }
        row(t, "statements per request the same at every size (service)", statementsSummary(), statementsSame(),
                statementsSame() ? "" : "a statement's text or count changed with the collection's size");
        List<String> portfolioCounts = new ArrayList<>();
        boolean portfolioWithin = true;
        for (PortfolioRoute route : PortfolioRoute.values()) {
            String key = CountPhase.portfolioKey(route);
            if (counts.has(key + ".missing")) {
                continue;
            }
            List<String> perSize = new ArrayList<>();
            for (int size : settings.sizesFor(route)) {
                int n = counts.getInt(key + "." + size + ".work");
                portfolioWithin &= n <= PORTFOLIO_STATEMENTS;
                perSize.add(String.format(Locale.ROOT, "%d at %,d", n, size));
            }
            portfolioCounts.add(route.key + " " + String.join(", ", perSize));
        }
        if (portfolioCounts.isEmpty()) {
            row(t, "portfolio routes in at most 3 statements at every size", "not measured", false,
                    "no portfolio route in this build (each answered 404)");
        } else {
            row(t, "portfolio routes in at most 3 statements at every size", String.join("; ", portfolioCounts),
                    portfolioWithin, portfolioWithin ? "" : "more statements than the contract allows");
        }
        double p95 = measured.get(Route.PERFORMANCE, largest, Design.SERVICE).p95();
        row(t, String.format(Locale.ROOT, "p95 of performance at %,d items under %.0f ms", largest, P95_TARGET_MILLIS),
                ms(p95) + " ms", p95 < P95_TARGET_MILLIS, p95 < P95_TARGET_MILLIS ? "" : "see the performance row above");
        LoadTest.Result load = measured.load;
        row(t, String.format(Locale.ROOT, "throughput run (%,d items, %d connections, %d s) with zero errors",
                measured.loadSize, load.threads(), settings.loadSeconds()),
                String.format(Locale.ROOT, "%d errors in %,d requests (%,.0f req/s)", load.errors(), load.requests(),
                        load.requestsPerSecond()),
                load.errors() == 0, load.errors() == 0 ? "" : "first error: " + load.firstError());
        row(t, "whole command under 15 minutes", duration(elapsedSeconds) + " up to this report"
                + (settings.buildSeconds() >= 0 ? ", Maven build included" : ", jar already built (from a fresh clone the build adds 25–40 s here)"),
                elapsedSeconds < TIME_TARGET_SECONDS, elapsedSeconds < TIME_TARGET_SECONDS ? ""
                        : "the machine was busier than a quiet run (see the load average above)");
        return t.toString();
    }

    /**
     * The N+1 ratio in per-item terms at the size the target names: what one N+1 statement costs (mostly a
     * round trip) against what the set-based floor spends per item (mostly index probes).
     */
    private String perItemCosts() {
        StringBuilder text = new StringBuilder();
        for (Route route : Route.values()) {
            String call = route == Route.SYNC ? CountPhase.REPEAT : CountPhase.ONCE;
            double nPlusOne = measured.get(route, middle, Design.N_PLUS_ONE).median();
            int statements = counts.work(route, middle, Design.N_PLUS_ONE, call);
            double floor = measured.get(route, middle, Design.FLOOR).median();
            double service = measured.get(route, middle, Design.SERVICE).median();
            text.append(String.format(Locale.ROOT, "- %s at %,d items, per item: N+1 %.0f µs (%,d statements of %.0f µs each); "
                    + "floor %.1f µs; service %.1f µs.%n", route.key, middle, nPlusOne * 1000 / middle, statements,
                    nPlusOne * 1000 / statements, floor * 1000 / middle, service * 1000 / middle));
        }
        text.append("\nThe database is on the same machine: an N+1 statement costs a loopback round trip. Over a network "
                + "each round trip costs more, which the N+1 design pays once per statement and the service about twice "
                + "per request (items, then the rest concurrently): see \"The network case\" below.\n");
        return text.toString();
    }

    private void row(StringBuilder t, String target, String measuredText, boolean met, String why) {
        String verdict = met ? "yes" : "**no**";
        if (settings.quick()) {
            verdict += " (quick run)";
        }
        t.append("| ").append(target).append(" | ").append(measuredText).append(" | ").append(verdict).append(" | ")
                .append(met ? "" : why).append(" |\n");
    }

    /** An absolute latency target at the largest size, with where the time went when it is missed. */
    private void latencyTarget(StringBuilder t, Route route, double targetMillis) {
        double service = measured.get(route, largest, Design.SERVICE).median();
        double floor = measured.get(route, largest, Design.FLOOR).median();
        boolean met = service <= targetMillis;
        String why = "";
        if (!met) {
            Map.Entry<String, Samples> slowest = measured.floorStatements(route, largest).entrySet().stream()
                    .max(Comparator.comparingDouble(e -> e.getValue().median())).orElse(null);
            why = floor > targetMillis
                    ? String.format(Locale.ROOT, "the database floor alone (the service's SQL, no HTTP or JSON) takes %s ms%s",
                            ms(floor), slowest == null ? "" : "; its slowest statement, `" + slowest.getKey() + "`, "
                                    + ms(slowest.getValue().median()) + " ms")
                    : String.format(Locale.ROOT, "the SQL takes %s ms (floor); the other %s ms are the service's own work "
                            + "(HTTP, JSON%s)", ms(floor), ms(service - floor), route == Route.PERFORMANCE
                                    ? String.format(Locale.ROOT, " of a %,d-byte response", measured.performanceBytes(largest)) : "");
        }
        row(t, String.format(Locale.ROOT, "%s at %,d items ≤ %.0f ms (median)", route.key, largest, targetMillis),
                String.format(Locale.ROOT, "%s ms (database floor %s ms)", ms(service), ms(floor)), met, why);
    }

    /** N+1 ÷ service at a size in the network case, per delay ("12× at +1 ms, 40× at +5 ms"), or "". */
    private String networkRatio(int size) {
        List<String> parts = new ArrayList<>();
        for (NetworkPhase.Point p : network) {
            if (p.size() == size) {
                parts.add(String.format(Locale.ROOT, "%.0f× at +%s ms per round trip", p.nPlusOneMillis() / p.service().median(),
                        ms(p.delayMicros() / 1000.0)));
            }
        }
        return String.join(", ", parts);
    }

    /** The portfolio routes and the refresh: latency on the service, statements per request. */
    private String otherRoutes() {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "The portfolio routes on the mixed collections (`bench-portfolio-N`), the service alone, "
                + "one call after another: %d warm-up calls, then %d timed calls. Milliseconds, median / p95.%n%n",
                2 * settings.warmupCalls(), settings.measuredCalls()));
        t.append("| route | items | service | statements per request | check |\n|---|---:|---:|---:|---|\n");
        for (PortfolioRoute route : PortfolioRoute.values()) {
            String key = CountPhase.portfolioKey(route);
            if (counts.has(key + ".missing")) {
                t.append("| `GET ").append(route.path).append("` | - | skipped | - | ").append(counts.get(key + ".missing"))
                        .append(": not in this build |\n");
                continue;
            }
            for (int size : settings.sizesFor(route)) {
                Samples samples = measured.portfolio(route, size);
                t.append(String.format(Locale.ROOT, "| `GET %s` | %,d | %s | %d | %s |%n", route.path, size,
                        samples == null ? "-" : latency(samples), counts.getInt(key + "." + size + ".work"),
                        counts.get(key + "." + size + ".check")));
            }
        }
        t.append('\n');
        if (counts.has("refresh.missing")) {
            t.append("The refresh (`POST /api/admin/refresh-prices`) was skipped: ").append(counts.get("refresh.missing")).append(".\n");
            return t.toString();
        }
        t.append(String.format(Locale.ROOT, "`POST /api/admin/refresh-prices` values every user's `guide_price` items: the %,d "
                + "refresh users' 100 items each (%,d) plus the other bench users' guide items.%n%n", data.refreshUsers(),
                data.refreshItems()));
        t.append("| run | items synced | updated | batches | time | items/s | statements (+ BEGIN/COMMIT) |\n"
                + "|---|---:|---:|---:|---:|---:|---|\n");
        double firstMillis = Double.parseDouble(counts.get("refresh.first.millis"));
        long firstSynced = Long.parseLong(counts.get("refresh.first.synced"));
        t.append(String.format(Locale.ROOT, "| first of the day (writes every value), through the counting proxy | %,d | %,d | %s "
                + "| %,.0f ms | %,.0f | %s (+%s) |%n", firstSynced, Long.parseLong(counts.get("refresh.first.updated")),
                counts.get("refresh.first.batches"), firstMillis, firstSynced * 1000 / firstMillis,
                counts.get("refresh.first.work"), counts.get("refresh.first.transaction")));
        Measurements.Refresh again = measured.refresh;
        if (again != null) {
            t.append(String.format(Locale.ROOT, "| second of the day (values current), straight on PostgreSQL | %,d | %,d | %d "
                    + "| %,.0f ms | %,.0f | as the first |%n", again.synced(), again.updated(), again.batches(), again.millis(),
                    again.synced() * 1000 / again.millis()));
        }
        t.append("\nTime is the client's, from request to answer (the route waits for the run); statements were counted on "
                + "the first run: they grow with the number of batches, not of items.\n");
        return t.toString();
    }

    /** Service against N+1 with a latency per round trip (the proxy's), the N+1 extrapolated where marked. */
    private String networkCase() {
        if (network.isEmpty()) {
            return "Not run.\n";
        }
        StringBuilder t = new StringBuilder();
        t.append("`GET /api/coins/performance?days=30` with the service and the N+1 baseline both reaching PostgreSQL through "
                + "the counting proxy, which holds every client message for the given time before passing it on (a one-way "
                + "latency that each round trip pays once; pipelined messages share it). Loopback: the timing phase's "
                + "figures, straight on PostgreSQL. Milliseconds, medians.\n\n");
        t.append("| latency per round trip | items | service | N+1 baseline | N+1 ÷ service | N+1 statements |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        for (int size : settings.sizes()) {
            double service = measured.get(Route.PERFORMANCE, size, Design.SERVICE).median();
            double nPlusOne = measured.get(Route.PERFORMANCE, size, Design.N_PLUS_ONE).median();
            t.append(String.format(Locale.ROOT, "| loopback | %,d | %s | %s | %.0f× | %,d |%n", size, ms(service), ms(nPlusOne),
                    nPlusOne / service, counts.work(Route.PERFORMANCE, size, Design.N_PLUS_ONE, CountPhase.ONCE)));
        }
        for (NetworkPhase.Point p : network) {
            t.append(String.format(Locale.ROOT, "| +%s ms | %,d | %s | %s%s | %.0f× | %,d |%n", ms(p.delayMicros() / 1000.0),
                    p.size(), ms(p.service().median()), ms(p.nPlusOneMillis()),
                    p.extrapolated() ? " (extrapolated)" : p.nPlusOneCalls() == 1 ? " (1 call)" : " (" + p.nPlusOneCalls() + " calls)",
                    p.nPlusOneMillis() / p.service().median(), p.nPlusOneStatements()));
        }
        t.append(String.format(Locale.ROOT, "%nService: median of %d calls after 2 warm-up calls. N+1: 3 calls at 100 items, "
                + "1 call above; above %,d items it is not run (30,001 statements at 10,000 items would take 30 s per call at "
                + "+1 ms and 150 s at +5 ms) but **extrapolated**: its time per statement at the largest size it was run at, "
                + "with the same latency, times the statements it executes at that size (counted in the counting phase). "
                + "The service also goes through the proxy here, so its figures include the proxy's hop.%n",
                settings.quick() ? 5 : 10, NetworkPhase.N_PLUS_ONE_SAMPLED_UP_TO));
        return t.toString();
    }

    /** Same count at every size, for each route and (sync) both the first and the repeated call, and the same texts. */
    private boolean statementsSame() {
        for (Route route : Route.values()) {
            for (String call : calls(route)) {
                int first = settings.sizes().get(0);
                for (int size : settings.sizes()) {
                    if (counts.work(route, size, Design.SERVICE, call) != counts.work(route, first, Design.SERVICE, call)
                            || !counts.signature(route, size, call).equals(counts.signature(route, first, call))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private String statementsSummary() {
        List<String> parts = new ArrayList<>();
        for (Route route : Route.values()) {
            for (String call : calls(route)) {
                List<String> perSize = new ArrayList<>();
                for (int size : settings.sizes()) {
                    int tx = counts.transactionControl(route, size, Design.SERVICE, call);
                    perSize.add(counts.work(route, size, Design.SERVICE, call) + (tx > 0 ? " (+" + tx + " BEGIN/COMMIT)" : ""));
                }
                parts.add(route.key + (route == Route.SYNC ? " " + call : "") + ": " + String.join(", ", perSize));
            }
        }
        return String.join("; ", parts) + " at " + sizesText() + " items; statement texts (which fix their parameter counts) "
                + (statementsSame() ? "identical" : "NOT identical") + " across sizes";
    }

    private static List<String> calls(Route route) {
        return route == Route.SYNC ? List.of(CountPhase.FIRST, CountPhase.REPEAT) : List.of(CountPhase.ONCE);
    }

    private String sizesText() {
        return String.join(", ", settings.sizes().stream().map(s -> String.format(Locale.ROOT, "%,d", s)).toList());
    }

    private static String latency(Samples samples) {
        return ms(samples.median()) + " / " + ms(samples.p95());
    }

    static String ms(double millis) {
        if (millis < 10) {
            return String.format(Locale.ROOT, "%.2f", millis);
        }
        if (millis < 100) {
            return String.format(Locale.ROOT, "%.1f", millis);
        }
        return String.format(Locale.ROOT, "%,.0f", millis);
    }

    private static String duration(long seconds) {
        return seconds / 60 + " min " + seconds % 60 + " s";
    }
}
