package io.bulliontracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.TestData;
import io.bulliontracker.testing.TestDatabaseResource;
import io.bulliontracker.testing.Tokens;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two replicas (the packaged production jar, started twice) on one database, asked to refresh at the
 * same moment: the advisory lock lets exactly one of them run, the other answers 409, and every item ends
 * with one value and one history row. Launched by hand because two processes are needed.
 */
class RefreshTwoReplicasIT {

    private static final String ROUTE = "/api/admin/refresh-prices";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void twoReplicasAskedAtOnceRunTheRefreshOnce() throws Exception {
        TestDatabaseResource database = new TestDatabaseResource();
        Map<String, String> config = database.start();
        System.setProperty("test.jdbc.url", config.get("test.jdbc.url"));
        List<Process> replicas = new ArrayList<>();
        try {
            int portA = freePort();
            int portB = freePort();
            replicas.add(launch(config, portA, "a"));
            replicas.add(launch(config, portB, "b"));
            awaitReady(portA);
            awaitReady(portB);
            // Each replica's first refresh (of nothing) warms its route up, so both later requests race fairly.
            for (int port : new int[] {portA, portB}) {
                HttpResponse<String> empty = refresh(port);
                assertEquals(200, empty.statusCode(), empty.body());
                assertTrue(empty.body().contains("\"synced\":0,\"updated\":0,\"skipped\":0,\"batches\":0"), empty.body());
            }

            // 3 users x 10 items priced 10.00 (Greysheet of today's row), 2 items without a priced row:
            // 32 items in batches of 5 is 7 batches.
            List<String> users = List.of(TestData.newUser(), TestData.newUser(), TestData.newUser());
            for (String user : users) {
                TestData.pricedCollection(user, 10, "MS64");
            }
            String unpriced = TestData.coin("Never priced");
            TestData.item(users.get(0), unpriced, "MS64", "u1", "guide_price");
            TestData.item(users.get(1), unpriced, "~MS64", "u2", "guide_price");

            List<HttpResponse<String>> answers;
            // 0.1 s per history row: a run lasts 3 s, far longer than the two requests take to arrive.
            try (AutoCloseable slow = TestData.historyInsertTrigger("", "PERFORM pg_sleep(0.1);")) {
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
                for (int port : new int[] {portA, portB}) {
                    calls.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            go.await();
                            return refresh(port);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                }
                go.countDown();
                answers = new ArrayList<>();
                for (CompletableFuture<HttpResponse<String>> call : calls) {
                    answers.add(call.get(60, TimeUnit.SECONDS));
                }
            }

            Map<Integer, HttpResponse<String>> byStatus = new HashMap<>();
            answers.forEach(answer -> byStatus.put(answer.statusCode(), answer));
            assertEquals(2, byStatus.size(), () -> "answers: " + answers.stream().map(HttpResponse::body).toList());
            String ran = byStatus.get(200).body();
            assertTrue(ran.contains("\"synced\":30,\"updated\":30,\"skipped\":2,\"batches\":7"), ran);
            String refused = byStatus.get(409).body();
            assertTrue(refused.contains("\"success\":false"), refused);
            assertTrue(refused.contains("already running on another replica"), refused);

            // Every item synced once: one history row each, for today, and its value.
            assertEquals(30, TestData.count("SELECT count(*) FROM item_value_history WHERE price_date = ?", TestData.today()));
            assertEquals(30, TestData.count("SELECT count(DISTINCT item_id) FROM item_value_history"));
            assertEquals(0, TestData.count("SELECT count(*) FROM (SELECT item_id FROM item_value_history "
                    + "GROUP BY item_id, price_date HAVING count(*) > 1) AS duplicates"));
            assertEquals(30, TestData.count("SELECT count(*) FROM collection_items WHERE numismatic_value = 10.00"));
            assertEquals(0, new BigDecimal("300.00").compareTo(TestData.decimal("SELECT sum(value) FROM item_value_history")));
            assertEquals(2, TestData.count("SELECT count(*) FROM collection_items WHERE numismatic_value IS NULL"));

            // The winner let the lock go: the replica that was refused runs now, and finds nothing to change.
            int loser = answers.get(0).statusCode() == 409 ? portA : portB;
            HttpResponse<String> again = refresh(loser);
            assertEquals(200, again.statusCode(), again.body());
            assertTrue(again.body().contains("\"synced\":30,\"updated\":0,\"skipped\":2,\"batches\":7"), again.body());
            assertEquals(30, TestData.count("SELECT count(*) FROM item_value_history"));
        } finally {
            for (Process replica : replicas) {
                replica.destroy();
            }
            for (Process replica : replicas) {
                if (!replica.waitFor(30, TimeUnit.SECONDS)) {
                    replica.destroyForcibly();
                }
            }
            database.stop();
        }
    }

    private static Process launch(Map<String, String> config, int port, String name) throws IOException {
        ProcessBuilder launch = new ProcessBuilder("java", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(new File("target/refresh-replica-" + name + ".log"));
        launch.environment().putAll(Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", config.get("quarkus.datasource.reactive.url"),
                "QUARKUS_DATASOURCE_JDBC_URL", config.get("quarkus.datasource.jdbc.url"),
                "QUARKUS_DATASOURCE_USERNAME", config.get("quarkus.datasource.username"),
                "QUARKUS_DATASOURCE_PASSWORD", config.get("quarkus.datasource.password"),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", config.get("mp.jwt.verify.publickey.location"),
                "MP_JWT_VERIFY_ISSUER", config.get("mp.jwt.verify.issuer"),
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                // Only the requests below may start a run, in batches small enough to make several.
                "BULLION_REFRESH_ENABLED", "false",
                "BULLION_REFRESH_BATCH_SIZE", "5"));
        return launch.start();
    }

    private HttpResponse<String> refresh(int port) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + ROUTE))
                .header("Authorization", Tokens.admin("it-admin")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitReady(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("replica on port " + port + " never became ready; see target/refresh-replica-*.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
