package io.bulliontracker.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The OpenAPI document, read as a client would: {@code GET /q/openapi?format=json}, no token. */
@QuarkusTest
class OpenApiDocumentTests {

    private static final String PERFORMANCE = "paths.'/api/coins/performance'.get";
    private static final String SYNC = "paths.'/api/collection/sync-prices'.post";

    private static ValidatableResponse document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
    }

    @Test
    void documentNamesTheServiceItsContractVersionAndWhatItDoes() {
        document().body("info.title", equalTo("Bullion tracker valuation service"))
                .body("info.version", equalTo("1.0.0"))
                .body("info.description", containsString("bearer token"));
    }

    @Test
    void daysParameterShowsItsBoundsAndDefault() {
        String days = PERFORMANCE + ".parameters.find { it.name == 'days' }";
        document().body(days + ".in", equalTo("query"))
                .body(days + ".schema.type", equalTo("integer"))
                .body(days + ".schema.minimum", equalTo(1))
                .body(days + ".schema.maximum", equalTo(3650))
                .body(days + ".schema.default", equalTo(30));
    }

    @Test
    void authenticatedValuationRoutesNameTheBearerJwtScheme() {
        document().body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.bearer.bearerFormat", equalTo("JWT"))
                // The only scheme: Quarkus' generated one would leave two for clients to choose from.
                .body("components.securitySchemes.keySet()", equalTo(Set.of("bearer")))
                .body(PERFORMANCE + ".security", equalTo(List.of(Map.of("bearer", List.of()))))
                .body(SYNC + ".security", equalTo(List.of(Map.of("bearer", List.of()))));
    }

    @Test
    void syncBodyIsOptionalAndHoldsAnItemId() {
        document().body(SYNC + ".requestBody.required", equalTo(false))
                .body(SYNC + ".requestBody.content.'application/json'.schema.'$ref'", equalTo("#/components/schemas/SyncRequest"))
                .body("components.schemas.SyncRequest.properties.itemId.type", equalTo("string"));
    }

    @Test
    void successAndErrorAnswersHaveTheirSchemas() {
        document().body(PERFORMANCE + ".summary", notNullValue())
                .body(PERFORMANCE + ".responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/EnvelopePerformanceReport"))
                .body("components.schemas.EnvelopePerformanceReport.properties.data.'$ref'",
                        equalTo("#/components/schemas/PerformanceReport"))
                .body(SYNC + ".responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/EnvelopeSyncResult"))
                .body(PERFORMANCE + ".responses.'400'.'$ref'", equalTo("#/components/responses/BadRequest"))
                .body(SYNC + ".responses.'503'.'$ref'", equalTo("#/components/responses/Unavailable"))
                .body("components.responses.Unavailable.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Error"))
                .body("components.schemas.Error.properties", hasKey("details"));
    }
}
