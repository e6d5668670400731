package io.bulliontracker.bench;

import static io.bulliontracker.bench.Database.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Phase 2, with the service connected straight to PostgreSQL (no proxy hop in its timings): latency of
 * each route for each size and design, then the throughput run, then the report and chart.
 */
final class MeasurePhase {

    private final BenchSettings settings;

    MeasurePhase(BenchSettings settings) {
        this.settings = settings;
    }

    void run() throws Exception {
        CountResults counts = CountResults.load(CountPhase.resultsFile(settings));
        Measurements measured = new Measurements();
        DatabaseFloor floor = new DatabaseFloor();
        NPlusOneBaseline baseline = new NPlusOneBaseline();
        ServiceClient service = new ServiceClient(ServiceClient.newHttpClient(), settings.serviceUrl(),
                new Tokens(settings.privateKey(), settings.issuer()));
        MachineInfo machine;
        DataSummary data;
        try (Database db = new Database(settings)) {
            PgConnection conn = db.direct();
            measured.loadAverageBefore = MachineInfo.loadAverage();
            warmUp(service, floor, baseline, conn);
            for (int size : settings.sizes()) {
                String user = BenchSettings.userFor(size);
                HttpRequest performance = service.performanceRequest(user);
                HttpRequest sync = service.syncRequest(user);
                measured.performanceBytes(size, service.call(performance).length);
                // Autovacuum is off on this server: clear the dead rows that earlier syncs left before each block.
                vacuumWrittenTables(conn);
                time(measured, Route.PERFORMANCE, size, floor,
                        () -> service.call(performance),
                        () -> await(floor.performance(conn, user, ServiceClient.DAYS)),
                        () -> await(baseline.performance(conn, user, ServiceClient.DAYS)));
                vacuumWrittenTables(conn);
                time(measured, Route.SYNC, size, floor,
                        () -> service.call(sync),
                        () -> await(floor.sync(conn, user)),
                        () -> await(baseline.sync(conn, user)));
            }
            for (PortfolioRoute route : PortfolioRoute.values()) {
                timePortfolio(measured, counts, service, route);
            }
            timeRefresh(measured, counts, service, conn);
            int loadSize = Collections.min(settings.sizes());
            System.out.printf(Locale.ROOT, "  throughput: performance for the %,d-item user, %d connections, %d s (after %d s warm-up)%n",
                    loadSize, settings.loadThreads(), settings.loadSeconds(), settings.loadWarmupSeconds());
            measured.loadSize = loadSize;
            measured.load = LoadTest.run(service.performanceRequest(BenchSettings.userFor(loadSize)),
                    settings.loadThreads(), settings.loadWarmupSeconds(), settings.loadSeconds(), settings.servicePid());
            System.out.printf(Locale.ROOT, "    %,d requests, %.0f req/s, %d errors%n",
                    measured.load.requests(), measured.load.requestsPerSecond(), measured.load.errors());
            measured.loadAverageAfter = MachineInfo.loadAverage();
            Row version = await(conn.query("SHOW server_version").execute()).iterator().next();
            machine = MachineInfo.read(version.getString(0));
            data = DataSummary.read(conn);
        }
        List<NetworkPhase.Point> network = Files.exists(NetworkPhase.resultsFile(settings))
                ? NetworkPhase.load(NetworkPhase.resultsFile(settings)) : List.of();
        Report report = new Report(settings, counts, measured, machine, data, network);
        report.write(settings.resultsFile());
        LatencyChart.write(settings.chartFile(), settings.sizes(), measured);
        System.out.println();
        System.out.println(report.table());
        System.out.println(report.targets());
        if (measured.maxOtherCpu > 0.25 || measured.load.cpu().other() > 0.25) {
            System.out.printf(Locale.ROOT, "WARNING: other processes used up to %.2f cores during timing (%s): a disturbed run, "
                    + "see the top of %s%n", Math.max(measured.maxOtherCpu, measured.load.cpu().other()),
                    measured.maxOtherCpuBlock, settings.resultsFile().getFileName());
        }
    }

    /**
     * Nothing is timed cold. The service is a fresh JVM, and until C2 has compiled its request path
     * (auth, routing, JSON, the per-item loops) calls are slower and the compiler threads take CPU from
     * the requests on two cores: here a 100-item performance call went from 12 ms to about 4 ms over the
     * first ~15 s of back-to-back calls. The same holds for this JVM's floor and N+1 code: the N+1
     * baseline's statements got several times cheaper once its per-statement path through the Vert.x
     * client was compiled, so it gets its own warm-up (timing it cold would flatter the service).
     * First one round over every size (the large collections' loops), then, for a fixed time, the
     * service's two routes, then the floor's and the baseline's, on the two smaller sizes. Each
     * measurement still has its own warm-up calls after this.
     */
    private void warmUp(ServiceClient service, DatabaseFloor floor, NPlusOneBaseline baseline, PgConnection conn) {
        System.out.printf(Locale.ROOT, "  warming up: %d s the service, %d s the floor and the N+1 baseline%n",
                settings.warmupSeconds(), settings.nPlusOneWarmupSeconds());
        List<Integer> sizes = settings.sizes();
        for (int size : sizes) {
            String user = BenchSettings.userFor(size);
            service.call(service.performanceRequest(user));
            service.call(service.syncRequest(user));
            await(floor.performance(conn, user, ServiceClient.DAYS));
            await(floor.sync(conn, user));
        }
        String smallest = BenchSettings.userFor(sizes.get(0));
        String next = BenchSettings.userFor(sizes.get(Math.min(1, sizes.size() - 1)));
        long end = System.nanoTime() + settings.warmupSeconds() * 1_000_000_000L;
        for (int round = 0; System.nanoTime() < end; round++) {
            String user = round % 4 == 3 ? next : smallest;
            service.call(service.performanceRequest(user));
            service.call(service.syncRequest(user));
        }
        end = System.nanoTime() + settings.nPlusOneWarmupSeconds() * 1_000_000_000L;
        for (int round = 0; System.nanoTime() < end; round++) {
            String user = round % 4 == 3 ? next : smallest;
            await(floor.performance(conn, user, ServiceClient.DAYS));
            await(floor.sync(conn, user));
            await(baseline.performance(conn, user, ServiceClient.DAYS));
            await(baseline.sync(conn, user));
        }
    }

    /** One route and size: the three designs timed round-robin (see {@link InterleavedTiming}). */
    private void time(Measurements measured, Route route, int size, DatabaseFloor floor, Callable<?> service,
            Callable<?> floorCall, Callable<?> nPlusOne) {
        List<InterleavedTiming.Plan> plans = List.of(
                new InterleavedTiming.Plan(Design.SERVICE, settings.warmupCalls(), settings.measuredCalls(), service),
                new InterleavedTiming.Plan(Design.FLOOR, settings.warmupCalls(), settings.measuredCalls(), floorCall),
                new InterleavedTiming.Plan(Design.N_PLUS_ONE, settings.nPlusOneWarmups(size), settings.nPlusOneCalls(size), nPlusOne));
        CpuMeter.Snapshot before = CpuMeter.take(settings.servicePid());
        Map<Design, Samples> samples = InterleavedTiming.run(plans, floor.times::clear);
        CpuMeter.Usage cpu = CpuMeter.between(before, CpuMeter.take(settings.servicePid()));
        measured.floorStatements(route, size, floor.times.snapshot());
        measured.blockCpu(route, size, cpu);
        for (InterleavedTiming.Plan plan : plans) {
            Samples s = samples.get(plan.design());
            measured.put(route, size, plan.design(), s);
            System.out.printf(Locale.ROOT, "  %-11s %,6d items  %-7s median %9.2f ms  p95 %9.2f ms  (%d calls after %d warm-up)%n",
                    route.key, size, plan.design().key, s.median(), s.p95(), plan.calls(), plan.warmups());
        }
        // The CPU split goes to the log only: it shows whether anything else competed for the cores.
        System.out.printf(Locale.ROOT, "  %-11s %,6d items  cpu in cores: service %.2f, bench %.2f, postgres %.2f, other %.2f%n",
                route.key, size, cpu.service(), cpu.generator(), cpu.postgres(), cpu.other());
    }

    /**
     * A portfolio route on the service alone, one call after another: warm-up calls (this JVM has not run
     * the route yet), then the timed calls. Routes the counting phase found missing (404) are skipped.
     */
    private void timePortfolio(Measurements measured, CountResults counts, ServiceClient service, PortfolioRoute route) {
        if (counts.has(CountPhase.portfolioKey(route) + ".missing")) {
            System.out.printf(Locale.ROOT, "  %-20s skipped: %s%n", route.key, counts.get(CountPhase.portfolioKey(route) + ".missing"));
            return;
        }
        for (int size : settings.sizesFor(route)) {
            HttpRequest request = service.getRequest(route.path, BenchSettings.portfolioUserFor(size));
            for (int i = 0; i < 2 * settings.warmupCalls(); i++) {
                service.call(request);
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < settings.measuredCalls(); i++) {
                long start = System.nanoTime();
                service.call(request);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            Samples samples = new Samples(millis);
            measured.putPortfolio(route, size, samples);
            System.out.printf(Locale.ROOT, "  %-20s %,6d items  median %9.2f ms  p95 %9.2f ms  (%d calls after %d warm-up)%n",
                    route.key, size, samples.median(), samples.p95(), millis.size(), 2 * settings.warmupCalls());
        }
    }

    /**
     * The refresh of every user's guide prices, once: the second run of the day (the counting phase ran the
     * first, which wrote every value), so its UPDATE changes no row and its upsert rewrites today's history.
     */
    private void timeRefresh(Measurements measured, CountResults counts, ServiceClient service, PgConnection conn) {
        if (counts.has("refresh.missing")) {
            System.out.println("  refresh skipped: " + counts.get("refresh.missing"));
            return;
        }
        vacuumWrittenTables(conn);
        long start = System.nanoTime();
        HttpResponse<byte[]> response = service.exchange(service.refreshRequest());
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the refresh answered " + response.statusCode() + ": " + new String(response.body()));
        }
        JsonNode data = ServiceClient.data(response.body());
        measured.refresh = new Measurements.Refresh(millis, data.path("synced").asLong(), data.path("updated").asLong(),
                data.path("skipped").asLong(), data.path("batches").asLong(), data.path("durationMs").asLong());
        System.out.printf(Locale.ROOT, "  refresh (second of the day): %,d synced in %,.0f ms, %,.0f items/s, %d batches%n",
                measured.refresh.synced(), millis, measured.refresh.synced() * 1000 / millis, measured.refresh.batches());
        vacuumWrittenTables(conn);
    }

    private static void vacuumWrittenTables(PgConnection conn) {
        await(conn.query("VACUUM (ANALYZE) collection_items, item_value_history").execute());
    }
}
