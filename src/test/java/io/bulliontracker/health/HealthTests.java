package io.bulliontracker.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.PgWireProxy;
import io.bulliontracker.testing.ResponseChecks;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTests {

    @Test
    void livenessAndStartupAreUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessFollowsTheDatabaseDownAndBackUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"));
        PgWireProxy proxy = PgWireProxy.current();
        proxy.refuseConnections(true);
        try {
            long started = System.nanoTime();
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
            org.junit.jupiter.api.Assertions.assertTrue(elapsed < 2000, "readiness answered DOWN after " + elapsed + " ms");

            // While the database is away, API calls fail fast with 503 and Retry-After.
            Api.asUser(TestData.newUser()).get("/api/coins/performance").then().statusCode(503)
                    .header("Retry-After", "5").body("success", equalTo(false));
        } finally {
            proxy.refuseConnections(false);
        }
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Api.asUser(TestData.newUser()).get("/api/coins/performance").then().statusCode(200);
    }

    /** Whoever can reach /q/health reads this body: a plain reason, never a class name, host or port. */
    @Test
    void readinessDownSaysWhyInPlainWordsOnly() throws InterruptedException {
        PgWireProxy proxy = PgWireProxy.current();
        proxy.refuseConnections(true);
        try {
            String refused = given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'database' }.data.reason", equalTo("database unreachable"))
                    .extract().asString();
            assertTellsNothingInternal(refused);
        } finally {
            proxy.refuseConnections(false);
        }
        given().get("/q/health/ready").then().statusCode(200);

        // Slower than the readiness bound (1.5 s): the round trip times out.
        proxy.delayReplies(2500);
        try {
            String slow = given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'database' }.data.reason", equalTo("timed out"))
                    .extract().asString();
            assertTellsNothingInternal(slow);
        } finally {
            proxy.delayReplies(0);
        }
        long deadline = System.currentTimeMillis() + 15_000;
        while (given().get("/q/health/ready").then().extract().statusCode() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static void assertTellsNothingInternal(String body) {
        ResponseChecks.assertLeaksNothing(body);
        for (String internal : new String[] {"Closed", "Timeout", "Connect", "127.0.0.1", "localhost", "5432", ":"
                + PgWireProxy.current().port()}) {
            assertFalse(body.contains(internal), () -> "readiness tells '" + internal + "': " + body);
        }
    }

    @Test
    void metricsAndOpenApiNeedNoToken() {
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
