package io.bulliontracker.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.PgWireProxy;
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

    @Test
    void metricsAndOpenApiNeedNoToken() {
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
