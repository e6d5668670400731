package io.bulliontracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.TestData;
import io.bulliontracker.testing.TestDatabaseResource;
import io.bulliontracker.testing.Tokens;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM during a slow request: the packaged production jar lets the request finish and commit, then
 * exits cleanly. Launched by hand (not @QuarkusIntegrationTest) because the test must signal the process.
 */
class GracefulShutdownIT {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void inFlightSyncCompletesAndCommitsAfterSigterm() throws Exception {
        TestDatabaseResource database = new TestDatabaseResource();
        Map<String, String> config = database.start();
        System.setProperty("test.jdbc.url", config.get("test.jdbc.url"));
        int port = freePort();
        Process service = null;
        try {
            ProcessBuilder launch = new ProcessBuilder("java", "-jar", "target/quarkus-app/quarkus-run.jar")
                    .redirectErrorStream(true).redirectOutput(new File("target/graceful-shutdown-it.log"));
            launch.environment().putAll(Map.of(
                    "QUARKUS_DATASOURCE_REACTIVE_URL", config.get("quarkus.datasource.reactive.url"),
                    "QUARKUS_DATASOURCE_JDBC_URL", config.get("quarkus.datasource.jdbc.url"),
                    "QUARKUS_DATASOURCE_USERNAME", config.get("quarkus.datasource.username"),
                    "QUARKUS_DATASOURCE_PASSWORD", config.get("quarkus.datasource.password"),
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION", config.get("mp.jwt.verify.publickey.location"),
                    "MP_JWT_VERIFY_ISSUER", config.get("mp.jwt.verify.issuer"),
                    "QUARKUS_HTTP_PORT", String.valueOf(port),
                    // The sync below takes ~2 s; the default 3 s deadline is enough, say so explicitly.
                    "BULLION_DB_REQUEST_TIMEOUT", "10s"));
            service = launch.start();
            awaitStatus(port, "/q/health/ready", 200, Duration.ofSeconds(60));

            String user = TestData.newUser();
            TestData.pricedCollection(user, 20, "MS64");
            // 20 history rows at 0.1 s each: the sync is still writing when SIGTERM arrives. (The trigger
            // goes with the database, dropped at the end.)
            TestData.historyInsertTrigger("", "PERFORM pg_sleep(0.1);");

            CompletableFuture<HttpResponse<String>> sync = http.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/collection/sync-prices"))
                    .header("Authorization", Tokens.user(user)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            awaitActiveInsert();
            service.destroy(); // SIGTERM

            HttpResponse<String> response = sync.get(40, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"synced\":20"), response.body());
            assertTrue(service.waitFor(60, TimeUnit.SECONDS), "the service did not exit");
            // A JVM ended by SIGTERM after running its shutdown hooks reports 143 (128 + 15), or 0.
            int exit = service.exitValue();
            assertTrue(exit == 0 || exit == 143, "exit code " + exit);
            assertEquals(20, TestData.count("SELECT count(*) FROM item_value_history h JOIN collection_items i ON i.id = h.item_id WHERE i.user_id = ?", user));
        } finally {
            if (service != null && service.isAlive()) {
                service.destroyForcibly();
            }
            database.stop();
        }
    }

    private void awaitStatus(int port, String path, int status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == status) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " never answered " + status + "; see target/graceful-shutdown-it.log");
    }

    private static void awaitActiveInsert() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (TestData.count("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND datname = current_database() "
                    + "AND query LIKE 'INSERT INTO item_value_history%'") > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the sync never reached its history INSERT");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
