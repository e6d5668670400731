package io.bulliontracker.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.bulliontracker.testing.Api;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** Runs against the packaged production jar (prod profile), with a fresh database from TestDatabaseResource. */
@QuarkusIntegrationTest
class ProductionBuildIT {

    @Test
    void devTokenRouteIsAbsentFromTheProductionBuild() {
        given().get("/dev/token").then().statusCode(404).body("success", equalTo(false));
        given().get("/dev/token?role=admin").then().statusCode(404);
    }

    @Test
    void probesAnswer() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void apiNeedsAValidToken() {
        given().get("/api/coins/performance").then().statusCode(401).body("success", equalTo(false));
        Api.asUser("it-user").get("/api/coins/performance").then().statusCode(200)
                .body("success", equalTo(true)).body("data.periodDays", equalTo(30));
    }

    @Test
    void metricsShowHttpAndPoolFigures() {
        Api.asUser("it-user").get("/api/coins/performance").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("postgresql_"));
    }

    @Test
    void openApiDescribesTheRoutes() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/coins/performance"))
                .body(containsString("/api/collection/sync-prices"));
    }
}
