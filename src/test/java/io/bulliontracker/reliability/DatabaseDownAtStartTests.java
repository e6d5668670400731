package io.bulliontracker.reliability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.PgWireProxy;
import io.bulliontracker.testing.TestDatabaseResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(DatabaseDownAtStartTests.DownAtStart.class)
class DatabaseDownAtStartTests {

    /** Its own fresh database, unreachable until the test lets it through. */
    public static class DownAtStart implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestDatabaseResource.class,
                    Map.of(TestDatabaseResource.DOWN_AT_START, "true")));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bullion.db.migration-retry", "500ms");
        }
    }

    @Test
    void serviceStartsWithoutItsDatabaseAndRecoversWhenItArrives() throws Exception {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));

        long started = System.nanoTime();
        Api.asUser("early-user").get("/api/coins/performance").then().statusCode(503)
                .header("Retry-After", "5").body("success", equalTo(false));
        Api.asUser("early-user").post("/api/collection/sync-prices").then().statusCode(503);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(elapsedMs < 3000, "503s took " + elapsedMs + " ms");
        // Counted under the route's template, not under each raw path a caller sends meanwhile.
        for (int i = 0; i < 3; i++) {
            Api.asUser("early-user").get("/api/collection/probe-early-" + i).then().statusCode(503);
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains("probe-early"), "raw paths in the metrics");
        assertTrue(metrics.contains("status=\"503\",uri=\"/api/collection/{id}\""), "503s under the route's template");

        PgWireProxy.current().refuseConnections(false);
        long deadline = System.currentTimeMillis() + 15_000;
        int status = 0;
        while (System.currentTimeMillis() < deadline && status != 200) {
            Thread.sleep(250);
            status = given().get("/q/health/ready").then().extract().statusCode();
        }
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Api.asUser("early-user").get("/api/grades").then().statusCode(200).body("data", hasSize(41));
        Api.asUser("early-user").get("/api/coins/performance").then().statusCode(200);
    }
}
