package io.bulliontracker.reliability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.PgWireProxy;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Faults injected between the service and PostgreSQL by the test proxy. */
@QuarkusTest
class DatabaseFaultTests {

    /** The request deadline (3 s) plus scheduling slack on a 2-core machine. */
    private static final long BOUND_MS = 4000;

    @AfterEach
    void healTheNetwork() throws Exception {
        PgWireProxy proxy = PgWireProxy.current();
        proxy.delayReplies(0);
        proxy.refuseConnections(false);
        awaitReady();
    }

    @Test
    void connectionCutInTheMiddleOfASyncCommitsNothing() throws Exception {
        String user = TestData.newUser();
        TestData.pricedCollection(user, 30, "MS66");
        // Holds the history INSERT (the last write) long enough to cut the connection under it.
        AutoCloseable slowWrite = TestData.historyInsertTrigger(user + "-", "PERFORM pg_sleep(0.1);");
        try (BlockedThreadWatch blocked = new BlockedThreadWatch()) {
            CompletableFuture<ExtractableResponse<Response>> sync = CompletableFuture.supplyAsync(
                    () -> Api.asUser(user).post("/api/collection/sync-prices").then().extract());
            awaitActiveStatement("INSERT INTO item_value_history");
            PgWireProxy.current().cutConnections();

            ExtractableResponse<Response> response = sync.get(10, TimeUnit.SECONDS);
            assertEquals(503, response.statusCode(), response.asString());
            assertEquals("5", response.header("Retry-After"));
            assertEquals(List.of(), blocked.warnings());
        } finally {
            awaitNoActiveStatement("INSERT INTO item_value_history");
            slowWrite.close();
        }
        assertEquals(0, TestData.count("SELECT count(*) FROM collection_items WHERE user_id = ? AND numismatic_value IS NOT NULL", user));
        assertEquals(0, TestData.count("SELECT count(*) FROM item_value_history h JOIN collection_items i ON i.id = h.item_id WHERE i.user_id = ?", user));

        // Without a restart, the next sync goes through on fresh connections.
        Api.asUser(user).post("/api/collection/sync-prices").then().statusCode(200).body("data.synced", equalTo(30));
    }

    @Test
    void slowDatabaseGets503WithinTheBoundAndNothingCommitsLate() throws Exception {
        String user = TestData.newUser();
        TestData.pricedCollection(user, 10, "MS68");
        PgWireProxy.current().delayReplies(2000);
        try (BlockedThreadWatch blocked = new BlockedThreadWatch()) {
            List<Supplier<ExtractableResponse<Response>>> calls = List.of(
                    () -> Api.asUser(user).get("/api/coins/performance").then().extract(),
                    () -> Api.asUser(user).post("/api/collection/sync-prices").then().extract(),
                    () -> Api.asUser(user).queryParam("limit", 5).get("/api/collection").then().extract(),
                    () -> Api.asUser(user).queryParam("q", "bulk").get("/api/coins/search").then().extract());
            for (Supplier<ExtractableResponse<Response>> call : calls) {
                long started = System.nanoTime();
                ExtractableResponse<Response> response = call.get();
                long elapsedMs = (System.nanoTime() - started) / 1_000_000;
                assertTrue(elapsedMs < BOUND_MS, "answered after " + elapsedMs + " ms: " + response.asString());
                assertEquals(503, response.statusCode(), response.asString());
                assertEquals("5", response.header("Retry-After"));
            }
            long started = System.nanoTime();
            given().get("/q/health/ready").then().statusCode(503);
            assertTrue((System.nanoTime() - started) / 1_000_000 < 2000, "readiness took too long");
            assertEquals(List.of(), blocked.warnings());
        }
        PgWireProxy.current().delayReplies(0);
        // The sync that was answered 503 must not have committed after the answer.
        Thread.sleep(3000);
        assertEquals(0, TestData.count("SELECT count(*) FROM item_value_history h JOIN collection_items i ON i.id = h.item_id WHERE i.user_id = ?", user));
        awaitReady();
        Api.asUser(user).get("/api/coins/performance").then().statusCode(200);
    }

    @Test
    void databaseGoneAnswers503FastAndComesBackWithoutRestart() throws Exception {
        String user = TestData.newUser();
        PgWireProxy.current().refuseConnections(true);
        long started = System.nanoTime();
        Api.asUser(user).get("/api/coins/performance").then().statusCode(503).header("Retry-After", "5");
        Api.asUser(user).get("/api/collection").then().statusCode(503);
        Api.asUser(user).contentType("application/json").body("{\"category\": \"BULLION\"}").post("/api/collection").then()
                .statusCode(400);
        assertTrue((System.nanoTime() - started) / 1_000_000 < 3000);
        given().get("/q/health/ready").then().statusCode(503);

        PgWireProxy.current().refuseConnections(false);
        awaitReady();
        Api.asUser(user).get("/api/collection").then().statusCode(200);
    }

    private static void awaitReady() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (given().get("/q/health/ready").then().extract().statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("readiness did not come back");
    }

    private static void awaitActiveStatement(String prefix) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (activeStatements(prefix) > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no active statement like " + prefix);
    }

    private static void awaitNoActiveStatement(String prefix) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && activeStatements(prefix) > 0) {
            Thread.sleep(50);
        }
    }

    private static long activeStatements(String prefix) {
        return TestData.count("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND datname = current_database() "
                + "AND query LIKE ?", prefix + "%");
    }
}
