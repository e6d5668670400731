package io.bulliontracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.TestData;
import io.bulliontracker.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A decimal such as 1e-100000000 costs a few bytes to send and, once anything calls setScale on it, over
 * a minute of an event loop (76 s measured), stalling every request that loop serves. Each route that
 * reads decimals must refuse it at once, and the requests running beside it must not notice.
 */
@QuarkusTest
class EventLoopSafetyTests {

    /** Both the hostile answer and every concurrent one, each. */
    private static final long BOUND_MS = 1000;
    private static final int CONCURRENT = 8;

    private static final String USER = "event-loop-user";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String base;
    private static String itemId;
    private static int pcgs;

    @BeforeAll
    static void data() {
        base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        pcgs = TestData.nextPcgsNumber();
        TestData.coin(pcgs, "Event loop coin");
        itemId = TestData.item(USER, null, null, "bar", "spot_premium");
    }

    record Route(String name, String method, String path, boolean admin, String body) {
        @Override
        public String toString() {
            return method + " " + path + " " + name;
        }
    }

    static Stream<Arguments> hostileDecimals() {
        String item = "{\"category\": \"BULLION\", \"type\": \"bulk\", \"metal\": \"gold\", \"bookValueType\": \"spot_premium\", ";
        String row = "[{\"pcgsNumber\": %d, \"gradeCode\": \"MS65\", \"priceDate\": \"2024-01-02\", ";
        String coin = "[{\"pcgsNumber\": %d, \"year\": 1900, \"denomination\": \"1C\", \"series\": \"S\", \"fullName\": \"F\", ";
        List<Route> routes = new ArrayList<>();
        for (String value : List.of("1e-100000000", "1e2147483647")) {
            routes.add(new Route("weightOz " + value, "POST", "/api/collection", false, item + "\"weightOz\": " + value + "}"));
            routes.add(new Route("purchasePrice " + value, "POST", "/api/collection", false, item + "\"weightOz\": 1, \"purchasePrice\": " + value + "}"));
            routes.add(new Route("customBookValue " + value, "PATCH", "/api/collection/{item}", false, "{\"customBookValue\": " + value + "}"));
            routes.add(new Route("pcgsPrice " + value, "POST", "/api/coins/price-guide", true, row + "\"pcgsPrice\": " + value + "}]"));
            routes.add(new Route("greysheetPrice " + value, "POST", "/api/coins/price-guide", true, row + "\"greysheetPrice\": " + value + "}]"));
            routes.add(new Route("fineness " + value, "POST", "/api/coins", true, coin + "\"fineness\": " + value + "}]"));
        }
        return routes.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDecimals")
    void hostileDecimalIsRefusedWithinASecondAndDelaysNoOtherRequest(Route route) throws Exception {
        HttpRequest hostile = request(route, route.body.replace("%d", String.valueOf(pcgs)));
        List<HttpRequest> ordinary = List.of(
                HttpRequest.newBuilder(URI.create(base + "/q/health/live")).timeout(Duration.ofSeconds(5)).build(),
                HttpRequest.newBuilder(URI.create(base + "/api/collection/" + itemId)).timeout(Duration.ofSeconds(5))
                        .header("Authorization", Tokens.user(USER)).build());

        try (BlockedThreadWatch blocked = new BlockedThreadWatch()) {
            // A first round warms the route, its reader and error path, the token and the connections; on a
            // 2-core machine shared with other builds, first hits alone can take a second. A value that
            // stalls stalls both rounds, and the watch covers both.
            round(hostile, ordinary);
            List<Timed> measured = round(hostile, ordinary);

            Timed answer = measured.get(0);
            List<Timed> others = measured.subList(1, measured.size());
            long slowestOther = others.stream().mapToLong(Timed::millis).max().orElseThrow();
            System.out.printf("EVENT-LOOP %s: refused %d in %d ms; %d concurrent requests, slowest %d ms; blocked-thread warnings %d%n",
                    route, answer.status, answer.millis, others.size(), slowestOther, blocked.warnings().size());

            assertEquals(400, answer.status, answer.body);
            assertTrue(answer.body.contains("\"success\":false") && answer.body.contains("12 digits"), answer.body);
            assertTrue(answer.millis < BOUND_MS, "refused after " + answer.millis + " ms");
            for (Timed other : others) {
                assertEquals(200, other.status, other.body);
                assertTrue(other.millis < BOUND_MS, "a concurrent request took " + other.millis + " ms");
            }
            assertEquals(List.of(), blocked.warnings());
        }
    }

    /** The hostile request and {@link #CONCURRENT} ordinary ones, released together; the hostile answer first. */
    private static List<Timed> round(HttpRequest hostile, List<HttpRequest> ordinary) {
        // A thread each, so that all of them are in flight at once whatever the machine's core count.
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Timed>> answers = new ArrayList<>();
            answers.add(CompletableFuture.supplyAsync(() -> timedAfter(start, hostile), clients));
            for (int i = 0; i < CONCURRENT; i++) {
                HttpRequest other = ordinary.get(i % ordinary.size());
                answers.add(CompletableFuture.supplyAsync(() -> timedAfter(start, other), clients));
            }
            start.countDown();
            return answers.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdown();
        }
    }

    record Timed(int status, long millis, String body) {
    }

    private static HttpRequest request(Route route, String body) {
        return HttpRequest.newBuilder(URI.create(base + route.path.replace("{item}", itemId)))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", route.admin ? Tokens.admin("event-loop-admin") : Tokens.user(USER))
                .header("Content-Type", "application/json")
                .method(route.method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static Timed timedAfter(CountDownLatch start, HttpRequest request) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return send(request);
    }

    private static Timed send(HttpRequest request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Timed(response.statusCode(), (System.nanoTime() - started) / 1_000_000, response.body());
        } catch (Exception e) {
            // A stalled event loop shows up here as a time-out: report it as the slow answer it is.
            return new Timed(-1, (System.nanoTime() - started) / 1_000_000, e.toString());
        }
    }
}
