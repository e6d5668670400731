package io.bulliontracker.bench;

import static io.bulliontracker.bench.Database.await;

import io.vertx.pgclient.PgConnection;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Phase 1, with the service (and the floor and baseline connections) going through the
 * statement-counting proxy: statements per request for every route, size and design, and the checks
 * that the three designs compute the same thing, so the timing phase compares like with like. A check
 * that fails stops the run: timings of different work would mean nothing.
 *
 * <p>"first" is a sync from a cleared state (it writes every value); "repeat" is the sync after it,
 * the steady state the timing phase measures (values already current, today's history rows overwritten).
 */
final class CountPhase {

    static final String ONCE = "once";
    static final String FIRST = "first";
    static final String REPEAT = "repeat";

    private final BenchSettings settings;

    CountPhase(BenchSettings settings) {
        this.settings = settings;
    }

    static Path resultsFile(BenchSettings settings) {
        return settings.workDir().resolve("counts.properties");
    }

    void run() throws Exception {
        CountResults results = new CountResults();
        DatabaseFloor floor = new DatabaseFloor();
        NPlusOneBaseline baseline = new NPlusOneBaseline();
        ServiceClient service = new ServiceClient(ServiceClient.newHttpClient(), settings.serviceUrl(),
                new Tokens(settings.privateKey(), settings.issuer()));
        try (Database db = new Database(settings); ProxyControl proxy = new ProxyControl(settings.proxyControlPort())) {
            PgConnection counted = db.counted();
            PgConnection direct = db.direct();
            for (int size : settings.sizes()) {
                String user = BenchSettings.userFor(size);
                checkPerformance(results, proxy, size, user,
                        () -> service.performance(user),
                        () -> await(floor.performance(counted, user, ServiceClient.DAYS)),
                        () -> await(baseline.performance(counted, user, ServiceClient.DAYS)));

                String fingerprint = null;
                SyncCounts expected = null;
                for (Design design : Design.values()) {
                    Supplier<SyncCounts> sync = switch (design) {
                        case SERVICE -> () -> service.sync(user);
                        case FLOOR -> () -> await(floor.sync(counted, user));
                        case N_PLUS_ONE -> () -> await(baseline.sync(counted, user));
                    };
                    await(CollectionState.clear(direct, user));
                    SyncCounts first = counted(results, proxy, Route.SYNC, size, design, FIRST, sync);
                    String after = await(CollectionState.fingerprint(direct, user));
                    SyncCounts repeat = counted(results, proxy, Route.SYNC, size, design, REPEAT, sync);
                    if (expected == null) {
                        expected = first;
                        fingerprint = after;
                    } else if (!first.equals(expected) || !after.equals(fingerprint)) {
                        throw new IllegalStateException("sync at " + size + " items: " + design.title + " gives " + first
                                + " leaving " + after + ", the service gives " + expected + " leaving " + fingerprint);
                    }
                    if (repeat.updated() != 0 || repeat.synced() != first.synced()) {
                        throw new IllegalStateException("repeated sync at " + size + " items by " + design.title
                                + " should update nothing: " + repeat);
                    }
                }
                results.check(Route.SYNC, size, String.format(Locale.ROOT,
                        "from cleared values, service, floor and N+1 each report synced %d, updated %d, skipped %d "
                                + "and leave identical values and history (%s); a repeated sync updates 0",
                        expected.synced(), expected.updated(), expected.skipped(), fingerprint));
                System.out.printf(Locale.ROOT, "  %,6d items: performance %s statements, sync %s statements; checks passed%n",
                        size, describe(results, Route.PERFORMANCE, size, ONCE), describe(results, Route.SYNC, size, REPEAT));
            }
        }
        results.save(resultsFile(settings));
    }

    private static void checkPerformance(CountResults results, ProxyControl proxy, int size, String user,
            Supplier<List<CoinLine>> service, Supplier<DatabaseFloor.PerformanceRows> floor,
            Supplier<List<CoinLine>> baseline) {
        List<CoinLine> served = counted(results, proxy, Route.PERFORMANCE, size, Design.SERVICE, ONCE, service);
        DatabaseFloor.PerformanceRows rows = counted(results, proxy, Route.PERFORMANCE, size, Design.FLOOR, ONCE, floor);
        List<CoinLine> computed = counted(results, proxy, Route.PERFORMANCE, size, Design.N_PLUS_ONE, ONCE, baseline);
        if (!served.equals(computed)) {
            int at = 0;
            while (at < Math.min(served.size(), computed.size()) && served.get(at).equals(computed.get(at))) {
                at++;
            }
            throw new IllegalStateException("performance at " + size + " items: service and N+1 differ at coin " + at
                    + " of " + served.size() + "/" + computed.size() + ": "
                    + (at < served.size() ? served.get(at) : "-") + " vs " + (at < computed.size() ? computed.get(at) : "-"));
        }
        if (rows.pricedItems() != served.size()) {
            throw new IllegalStateException("performance at " + size + " items: the floor's statements price "
                    + rows.pricedItems() + " items, the service reports " + served.size());
        }
        results.check(Route.PERFORMANCE, size, String.format(Locale.ROOT,
                "service and N+1 return the same %d coins field by field, in the same order (best %s, worst %s); "
                        + "the floor's statements read %d items and price the same %d",
                served.size(), served.isEmpty() ? "-" : served.get(0).changePercent() + "%",
                served.isEmpty() ? "-" : served.get(served.size() - 1).changePercent() + "%",
                rows.items(), rows.pricedItems()));
    }

    /** One call with the proxy's record cleared before it, recording what it executed. */
    private static <T> T counted(CountResults results, ProxyControl proxy, Route route, int size, Design design,
            String call, Supplier<T> body) {
        proxy.reset();
        T value = body.get();
        results.statements(route, size, design, call, proxy.statements());
        return value;
    }

    private static String describe(CountResults results, Route route, int size, String call) {
        return results.work(route, size, Design.SERVICE, call) + "/" + results.work(route, size, Design.FLOOR, call)
                + "/" + results.work(route, size, Design.N_PLUS_ONE, call) + " (service/floor/N+1)";
    }
}
