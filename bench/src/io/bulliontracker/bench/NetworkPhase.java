package io.bulliontracker.bench;

import static io.bulliontracker.bench.Database.await;

import io.vertx.pgclient.PgConnection;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The network case: the database one network hop away. Run between the counting and the timing phases,
 * while the service still reaches PostgreSQL through the proxy, which now adds a latency to every round
 * trip (1 ms and 5 ms: a database in the same zone, and one a region away). Performance is timed for the
 * service and the N+1 baseline (whose connection goes through the same proxy) at every size.
 *
 * <p>The N+1 baseline pays the latency once per statement: 30,001 statements at 10,000 items are 30 s at
 * 1 ms and 150 s at 5 ms per call, more than the whole bench may take. At sizes above
 * {@link #N_PLUS_ONE_SAMPLED_UP_TO} it is therefore extrapolated, not run: its time per statement measured at
 * the largest size it was run at, times the statements it executes at that size (counted in the counting
 * phase). The report marks those figures as extrapolated.
 */
final class NetworkPhase {

    static final int N_PLUS_ONE_SAMPLED_UP_TO = 1000;

    /** One delay and size: the service's samples and the N+1's median (measured or extrapolated). */
    record Point(int delayMicros, int size, Samples service, double nPlusOneMillis, int nPlusOneCalls, int nPlusOneStatements) {

        boolean extrapolated() {
            return nPlusOneCalls == 0;
        }
    }

    private final BenchSettings settings;

    NetworkPhase(BenchSettings settings) {
        this.settings = settings;
    }

    static Path resultsFile(BenchSettings settings) {
        return settings.workDir().resolve("network.properties");
    }

    void run() throws Exception {
        CountResults counts = CountResults.load(CountPhase.resultsFile(settings));
        NPlusOneBaseline baseline = new NPlusOneBaseline();
        ServiceClient service = new ServiceClient(ServiceClient.newHttpClient(), settings.serviceUrl(),
                new Tokens(settings.privateKey(), settings.issuer()));
        List<Point> points = new ArrayList<>();
        int serviceWarmups = 2;
        int serviceCalls = settings.quick() ? 5 : 10;
        try (Database db = new Database(settings); ProxyControl proxy = new ProxyControl(settings.proxyControlPort())) {
            PgConnection viaProxy = db.counted();
            try {
                for (int delay : settings.networkDelaysMicros()) {
                    proxy.roundTripDelayMicros(delay);
                    double perStatement = Double.NaN;
                    for (int size : settings.sizes()) {
                        String user = BenchSettings.userFor(size);
                        HttpRequest request = service.performanceRequest(user);
                        List<Double> served = new ArrayList<>();
                        for (int i = 0; i < serviceWarmups + serviceCalls; i++) {
                            long start = System.nanoTime();
                            service.call(request);
                            if (i >= serviceWarmups) {
                                served.add((System.nanoTime() - start) / 1e6);
                            }
                            proxy.reset(); // the proxy keeps every statement it saw: keep its memory flat
                        }
                        int statements = counts.work(Route.PERFORMANCE, size, Design.N_PLUS_ONE, CountPhase.ONCE);
                        double nPlusOne;
                        int calls;
                        if (size <= N_PLUS_ONE_SAMPLED_UP_TO) {
                            calls = size <= 100 ? 3 : 1;
                            List<Double> millis = new ArrayList<>();
                            for (int i = 0; i < calls; i++) {
                                long start = System.nanoTime();
                                await(baseline.performance(viaProxy, user, ServiceClient.DAYS));
                                millis.add((System.nanoTime() - start) / 1e6);
                                proxy.reset();
                            }
                            nPlusOne = new Samples(millis).median();
                            perStatement = nPlusOne / statements;
                        } else {
                            calls = 0;
                            nPlusOne = perStatement * statements;
                        }
                        Point point = new Point(delay, size, new Samples(served), nPlusOne, calls, statements);
                        points.add(point);
                        System.out.printf(Locale.ROOT, "  +%.1f ms per round trip, %,6d items: service median %s ms, N+1 %s ms%s (%.0f×)%n",
                                delay / 1000.0, size, Report.ms(point.service().median()), Report.ms(nPlusOne),
                                point.extrapolated() ? " extrapolated" : " over " + calls + " call(s)",
                                nPlusOne / point.service().median());
                    }
                }
            } finally {
                proxy.roundTripDelayMicros(0);
            }
        }
        save(resultsFile(settings), points);
    }

    private static void save(Path file, List<Point> points) throws IOException {
        Properties values = new Properties();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            values.setProperty("point." + i, p.delayMicros() + ";" + p.size() + ";" + p.nPlusOneMillis() + ";"
                    + p.nPlusOneCalls() + ";" + p.nPlusOneStatements() + ";"
                    + String.join(",", p.service().millis().stream().map(String::valueOf).toList()));
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            values.store(out, "the network case: service and N+1 with a latency per round trip");
        }
    }

    static List<Point> load(Path file) throws IOException {
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; values.containsKey("point." + i); i++) {
            String[] f = values.getProperty("point." + i).split(";");
            List<Double> millis = Arrays.stream(f[5].split(",")).map(Double::valueOf).toList();
            points.add(new Point(Integer.parseInt(f[0]), Integer.parseInt(f[1]), new Samples(millis),
                    Double.parseDouble(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4])));
        }
        return points;
    }
}
