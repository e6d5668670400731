package io.bulliontracker.bench;

import static io.bulliontracker.bench.Database.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulliontracker.testing.PgWireProxy;
import io.vertx.pgclient.PgConnection;
import java.net.http.HttpResponse;
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
            for (PortfolioRoute route : PortfolioRoute.values()) {
                countPortfolio(results, proxy, service, route);
            }
            countRefresh(results, proxy, service);
        }
        results.save(resultsFile(settings));
    }

    static String portfolioKey(PortfolioRoute route) {
        return "portfolio." + route.key;
    }

    /**
     * Statements per request of a portfolio route at each of its sizes, and a check of what it answers
     * (every item counted; history's points as the contract's steps give them). A 404 means the route is
     * not in this build (the portfolio branch not merged yet): recorded, skipped, not a failure.
     */
    private void countPortfolio(CountResults results, ProxyControl proxy, ServiceClient service, PortfolioRoute route) {
        for (int size : settings.sizesFor(route)) {
            proxy.reset();
            HttpResponse<byte[]> response = service.exchange(service.getRequest(route.path, BenchSettings.portfolioUserFor(size)));
            List<String> statements = proxy.statements();
            String key = portfolioKey(route);
            if (response.statusCode() == 404) {
                results.put(key + ".missing", "GET " + route.path + " answered 404");
                System.out.printf(Locale.ROOT, "  %-20s skipped: GET %s answers 404 (not in this build)%n", route.key, route.path);
                return;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + route.path + " answered " + response.statusCode() + ": "
                        + new String(response.body()));
            }
            JsonNode data = ServiceClient.data(response.body());
            String check = switch (route) {
                case SUMMARY, COLLECTION_SUMMARY -> expect(route, size, "totalItems", data.path("totalItems").asInt(), size);
                case BREAKDOWN -> expect(route, size, "items by book value type",
                        data.path("spotPremium").path("count").asInt() + data.path("guidePrice").path("count").asInt()
                                + data.path("custom").path("count").asInt(), size);
                // Span 30: a point a day, both ends included (31); span 365: every 3 days to 363, then 365 (123).
                case HISTORY_30 -> expect(route, size, "points", data.size(), 31);
                case HISTORY_365 -> expect(route, size, "points", data.size(), 123);
            };
            List<String> work = statements.stream().filter(st -> !PgWireProxy.isTransactionControl(st)).toList();
            results.put(key + "." + size + ".work", work.size());
            results.put(key + "." + size + ".check", check);
            System.out.printf(Locale.ROOT, "  %-20s %,6d items: %d statements, %s%n", route.key, size, work.size(), check);
        }
    }

    /**
     * A portfolio answer that disagrees with the data is reported, not fatal: these routes have no second
     * design to compare with, and their timings are still worth having; the report shows the mismatch.
     */
    private static String expect(PortfolioRoute route, int size, String what, int actual, int expected) {
        if (actual != expected) {
            System.out.printf(Locale.ROOT, "  WARNING: %s at %,d items: %s %d, expected %d%n", route.path, size, what, actual, expected);
            return String.format(Locale.ROOT, "**%s %d, expected %d**", what, actual, expected);
        }
        return what + " " + actual;
    }

    /**
     * The first refresh of the day, through the proxy: it writes every value, so it is the heavy run
     * (the timing phase times the second, steady-state run). Its statements grow with batches, not items.
     */
    private void countRefresh(CountResults results, ProxyControl proxy, ServiceClient service) {
        proxy.reset();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = service.exchange(service.refreshRequest());
        double millis = (System.nanoTime() - start) / 1e6;
        List<String> statements = proxy.statements();
        if (response.statusCode() == 404) {
            results.put("refresh.missing", "POST /api/admin/refresh-prices answered 404");
            System.out.println("  refresh skipped: POST /api/admin/refresh-prices answers 404 (not in this build)");
            return;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the refresh answered " + response.statusCode() + ": " + new String(response.body()));
        }
        JsonNode data = ServiceClient.data(response.body());
        long work = statements.stream().filter(st -> !PgWireProxy.isTransactionControl(st)).count();
        results.put("refresh.first.work", work);
        results.put("refresh.first.transaction", statements.size() - work);
        results.put("refresh.first.millis", millis);
        for (String field : List.of("synced", "updated", "skipped", "batches", "durationMs")) {
            results.put("refresh.first." + field, data.path(field).asLong());
        }
        System.out.printf(Locale.ROOT, "  refresh (first of the day): %s synced, %s updated, %s batches, %,d statements "
                + "(+%d BEGIN/COMMIT), %.0f ms through the proxy%n", data.path("synced"), data.path("updated"),
                data.path("batches"), work, statements.size() - work, millis);
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
