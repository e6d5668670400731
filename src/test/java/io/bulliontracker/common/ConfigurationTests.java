package io.bulliontracker.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.PgWireProxy;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service reads its time limits from {@code bullion.*} (BullionConfig), and starts with properties
 * under {@code bullion.} that no mapping of ours knows: the ones later features add
 * ({@code bullion.refresh.*}) and a newer release's setting inside a group we map ({@code bullion.db.*}).
 * Each limit is set far from its default, so that a component still reading the default fails here.
 */
@QuarkusTest
@TestProfile(ConfigurationTests.ShortLimits.class)
class ConfigurationTests {

    public static class ShortLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "bullion.db.request-timeout", "1s",
                    "bullion.db.statement-timeout", "300ms",
                    "bullion.health.db-timeout", "200ms",
                    "bullion.refresh.cron", "0 0 6 * * ?",
                    "bullion.db.setting-of-a-newer-release", "42");
        }
    }

    @AfterEach
    void healTheNetwork() throws InterruptedException {
        PgWireProxy.current().delayReplies(0);
        long deadline = System.currentTimeMillis() + 15_000;
        while (given().get("/q/health/ready").then().extract().statusCode() != 200) {
            assertTrue(System.currentTimeMillis() < deadline, "readiness did not come back");
            Thread.sleep(200);
        }
    }

    @Test
    void unknownPropertiesUnderTheBullionPrefixDoNotStopStartUp() {
        assertEquals("0 0 6 * * ?", ConfigProvider.getConfig().getValue("bullion.refresh.cron", String.class));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Replies held 5 s: the 1 s deadline answers 503 long before the default 3 s one would. */
    @Test
    void requestDeadlineComesFromTheMapping() {
        String user = TestData.newUser();
        // The first request of a fresh service spends seconds loading classes before any deadline starts.
        Api.asUser(user).get("/api/coins/performance").then().statusCode(200);
        PgWireProxy.current().delayReplies(5000);
        long started = System.nanoTime();
        ExtractableResponse<Response> response = Api.asUser(user).get("/api/coins/performance").then().extract();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertEquals(503, response.statusCode(), response.asString());
        assertEquals("5", response.header("Retry-After"));
        assertTrue(elapsedMs >= 1000 && elapsedMs < 2900, "answered after " + elapsedMs + " ms");
    }

    /** The 200 ms bound answers DOWN well before the default 1,500 ms one would. */
    @Test
    void readinessBoundComesFromTheMapping() {
        given().get("/q/health/ready").then().statusCode(200);
        PgWireProxy.current().delayReplies(5000);
        long started = System.nanoTime();
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertTrue(elapsedMs < 1400, "readiness answered after " + elapsedMs + " ms");
    }

    /**
     * A history write that would sleep 30 s is cancelled by PostgreSQL after the mapping's 300 ms
     * statement_timeout (57014, a 503), and the whole sync rolls back. Had the pool kept the default
     * 10 s, the 1 s request deadline would answer instead, with the statement still running on the server.
     */
    @Test
    void statementTimeoutComesFromTheMapping() throws Exception {
        String user = TestData.newUser();
        TestData.pricedCollection(user, 3, "MS64");
        try (AutoCloseable slowWrite = TestData.historyInsertTrigger(user + "-", "PERFORM pg_sleep(30);")) {
            Api.asUser(user).post("/api/collection/sync-prices").then().statusCode(503)
                    .header("Retry-After", "5").body("success", equalTo(false));

            assertEquals(0, TestData.count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND state = 'active' AND query LIKE 'INSERT INTO item_value_history%'"));
        }
        assertEquals(0, TestData.count("SELECT count(*) FROM collection_items WHERE user_id = ? AND numismatic_value IS NOT NULL", user));
        assertEquals(0, TestData.count("SELECT count(*) FROM item_value_history h JOIN collection_items i ON i.id = h.item_id WHERE i.user_id = ?", user));
    }
}
