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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * 200 concurrent clients mix performance, sync and collection reads for {@code load.seconds} (60 by
 * default): no 5xx but a deliberate 503 when the pool is saturated, no blocked event loop, and the heap
 * after the run (after GC) close to where it started.
 */
@QuarkusTest
class LoadTests {

    private static final int CLIENTS = 200;
    private static final int USERS = 20;
    private static final long HEAP_GROWTH_LIMIT = 256L * 1024 * 1024;

    @Test
    void twoHundredClientsForAMinute() throws Exception {
        int seconds = Integer.getInteger("load.seconds", 60);
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        List<String> tokens = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            String user = TestData.newUser();
            TestData.pricedCollection(user, 100, "MS65");
            tokens.add(Tokens.user(user));
        }
        // HTTP/1.1: one connection per client, as 200 separate clients would have.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://localhost:" + port;
        String[] paths = {"/api/coins/performance?days=30", "/api/collection/sync-prices", "/api/collection?limit=50",
                "/api/coins/performance?days=365", "/api/collection"};

        // Warm-up: every route's first call links classes and builds query plans on the event loop, which
        // under 200 clients on 2 cores can exceed Vert.x's 2 s blocked-thread limit. A deployed service
        // meets its first traffic warm, so the minute under load starts warm too.
        for (String path : paths) {
            for (int i = 0; i < 3; i++) {
                HttpRequest.Builder warm = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", tokens.get(i));
                http.send(path.endsWith("sync-prices") ? warm.POST(HttpRequest.BodyPublishers.noBody()).build() : warm.GET().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
        long heapBefore = usedHeapAfterGc();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder failures = new LongAdder();
        java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
        AtomicLong slowestMs = new AtomicLong();
        long endAt = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        try (BlockedThreadWatch blocked = new BlockedThreadWatch()) {
            for (int c = 0; c < CLIENTS; c++) {
                String token = tokens.get(c % USERS);
                int first = c;
                Thread client = new Thread(() -> {
                    int n = first;
                    try {
                        while (System.nanoTime() < endAt) {
                            String path = paths[n++ % paths.length];
                            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                                    .timeout(Duration.ofSeconds(30)).header("Authorization", token);
                            request = path.endsWith("sync-prices") ? request.POST(HttpRequest.BodyPublishers.noBody())
                                    : request.GET();
                            long started = System.nanoTime();
                            try {
                                int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                                statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                            } catch (Exception e) {
                                failures.increment();
                                firstFailure.compareAndSet(null, e.toString());
                            }
                            slowestMs.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                        }
                    } finally {
                        done.countDown();
                    }
                }, "load-client-" + c);
                client.start();
            }
            assertTrue(done.await(seconds + 120L, java.util.concurrent.TimeUnit.SECONDS), "clients did not finish");
            long heapAfter = usedHeapAfterGc();

            Map<Integer, Long> counts = new TreeMap<>();
            statuses.forEach((status, count) -> counts.put(status, count.sum()));
            long served = counts.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("LOAD: %d clients, %d s: %d requests (%.0f/s), statuses %s, transport failures %d, "
                    + "slowest %d ms, heap after GC %d MiB -> %d MiB, blocked-thread warnings %d%n",
                    CLIENTS, seconds, served, served / (double) seconds, counts, failures.sum(), slowestMs.get(),
                    heapBefore >> 20, heapAfter >> 20, blocked.warnings().size());

            assertEquals(0, failures.sum(), () -> "transport failures, the first: " + firstFailure.get());
            counts.keySet().forEach(status -> assertTrue(status == 200 || status == 503, "unexpected status " + status));
            assertTrue(counts.getOrDefault(200, 0L) > served / 2, "most requests must succeed: " + counts);
            assertEquals(List.of(), blocked.warnings());
            assertTrue(heapAfter - heapBefore < HEAP_GROWTH_LIMIT,
                    "heap grew by " + ((heapAfter - heapBefore) >> 20) + " MiB");
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
