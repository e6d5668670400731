package io.bulliontracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.bulliontracker.testing.TestData;
import io.bulliontracker.testing.TestDatabaseResource;
import io.bulliontracker.testing.Tokens;
import java.io.File;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue #15.3: twenty concurrent full reads of a 20,000-item collection against the packaged jar at the
 * Deployment's heap ({@code -Xmx384m}) used to end in OutOfMemoryError. Streamed, every read completes
 * with every item. The heap's peak is read from the JVM's own GC log (heap used before each collection)
 * and printed for the report. Launched by hand, like GracefulShutdownIT, to set the heap and the GC log.
 */
class StreamedListMemoryIT {

    private static final int ITEMS = 20_000;
    private static final int CONCURRENT = 20;
    private static final Pattern HEAP_BEFORE_GC = Pattern.compile("(\\d+)M->\\d+M\\(\\d+M\\)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void twentyConcurrentFullListsOf20000ItemsFitIn384Megabytes() throws Exception {
        TestDatabaseResource database = new TestDatabaseResource();
        Map<String, String> config = database.start();
        System.setProperty("test.jdbc.url", config.get("test.jdbc.url"));
        int port = freePort();
        File log = new File("target/streamed-list-memory-it.log");
        Path gcLog = Path.of("target/streamed-list-memory-gc.log");
        Files.deleteIfExists(gcLog);
        Process service = null;
        try {
            ProcessBuilder launch = new ProcessBuilder("java", "-Xmx384m", "-Xlog:gc:file=" + gcLog,
                    "-jar", "target/quarkus-app/quarkus-run.jar")
                    .redirectErrorStream(true).redirectOutput(log);
            launch.environment().putAll(Map.of(
                    "QUARKUS_DATASOURCE_REACTIVE_URL", config.get("quarkus.datasource.reactive.url"),
                    "QUARKUS_DATASOURCE_JDBC_URL", config.get("quarkus.datasource.jdbc.url"),
                    "QUARKUS_DATASOURCE_USERNAME", config.get("quarkus.datasource.username"),
                    "QUARKUS_DATASOURCE_PASSWORD", config.get("quarkus.datasource.password"),
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION", config.get("mp.jwt.verify.publickey.location"),
                    "MP_JWT_VERIFY_ISSUER", config.get("mp.jwt.verify.issuer"),
                    "QUARKUS_HTTP_PORT", String.valueOf(port)));
            service = launch.start();
            awaitReady(port);

            String user = TestData.newUser();
            // One statement: 20,000 bars, every other one with two images (about 0.9 KB of JSON each).
            TestData.update("""
                    INSERT INTO collection_items (id, user_id, category, type, title, metal, quantity, weight_oz,
                                                  book_value_type, custom_book_value, notes, created_at)
                    SELECT ? || lpad(g::text, 6, '0'), ?, 'BULLION', 'bulk', 'Silver bar number ' || g, 'silver', 1,
                           1.5, 'custom', g + 0.25, 'Bought at the spring coin show, lot ' || g,
                           now() - g * interval '1 second'
                    FROM generate_series(1, ?) AS g""", user + "-", user, ITEMS);
            TestData.update("""
                    INSERT INTO item_images (id, item_id, url, position)
                    SELECT ? || lpad(g::text, 6, '0') || '-' || p, ? || lpad(g::text, 6, '0'),
                           'https://res.cloudinary.com/bullion/image/upload/v1/items/' || g || '-' || p || '.jpg', p
                    FROM generate_series(2, ?, 2) AS g, generate_series(0, 1) AS p""", user + "-", user + "-", ITEMS);

            long started = System.nanoTime();
            List<CompletableFuture<long[]>> reads = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                reads.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/collection"))
                        .header("Authorization", Tokens.user(user)).timeout(Duration.ofSeconds(120)).build(),
                        HttpResponse.BodyHandlers.ofInputStream())
                        .thenApplyAsync(response -> new long[] {response.statusCode(), countItems(response.body())}));
            }
            for (CompletableFuture<long[]> read : reads) {
                long[] result = read.get(180, TimeUnit.SECONDS);
                assertEquals(200, result[0]);
                assertEquals(ITEMS, result[1]);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;

            String output = Files.readString(log.toPath());
            assertFalse(output.contains("OutOfMemoryError"), "see " + log);
            int peak = 0;
            int collections = 0;
            Matcher before = HEAP_BEFORE_GC.matcher(Files.readString(gcLog));
            while (before.find()) {
                peak = Math.max(peak, Integer.parseInt(before.group(1)));
                collections++;
            }
            assertTrue(collections > 0, "no collection logged in " + gcLog);
            System.out.printf("StreamedListMemoryIT: %d concurrent full lists of %d items in %d ms; heap peak %d MB"
                    + " (before GC, %d collections, -Xmx384m)%n", CONCURRENT, ITEMS, millis, peak, collections);
            assertTrue(peak < 384, "heap peak " + peak + " MB");
        } finally {
            if (service != null && service.isAlive()) {
                service.destroy();
                if (!service.waitFor(30, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            }
            database.stop();
        }
    }

    /** The {@code data} array's length, read as a stream so the test's own heap holds no body. */
    private static long countItems(InputStream body) {
        try (InputStream in = body; JsonParser parser = new JsonFactory().createParser(in)) {
            long items = 0;
            int depth = 0;
            boolean success = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                    if (depth == 3 && token == JsonToken.START_OBJECT) {
                        items++;
                    }
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                } else if (depth == 1 && token == JsonToken.VALUE_TRUE && "success".equals(parser.currentName())) {
                    success = true;
                }
            }
            return success ? items : -1;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void awaitReady(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("never ready; see target/streamed-list-memory-it.log");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
