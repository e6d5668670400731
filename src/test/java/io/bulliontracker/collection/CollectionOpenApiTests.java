package io.bulliontracker.collection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** /q/openapi documents every collection route: summary, parameters with their bounds, response schemas. */
@QuarkusTest
class CollectionOpenApiTests {

    private static ValidatableResponse openApi() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
    }

    @Test
    void everyCollectionRouteHasASummaryAndItsResponseSchemas() {
        ValidatableResponse doc = openApi();
        String[][] routes = {{"/api/collection", "get", "EnvelopeListItemView"}, {"/api/collection", "post", null},
                {"/api/collection/{id}", "get", "EnvelopeItemView"}, {"/api/collection/{id}", "patch", "EnvelopeItemView"},
                {"/api/collection/{id}", "put", "EnvelopeItemView"}, {"/api/collection/{id}", "delete", "EnvelopeDeletedItem"},
                {"/api/collection/{id}/history", "get", "EnvelopeListValuePoint"}};
        for (String[] route : routes) {
            String operation = "paths.'" + route[0] + "'." + route[1];
            doc.body(operation + ".summary", not(emptyOrNullString()))
                    .body(operation + ".responses.'401'.content.'application/json'.schema.$ref", equalTo("#/components/schemas/Error"))
                    .body(operation + ".responses.'503'.content.'application/json'.schema.$ref", equalTo("#/components/schemas/Error"));
            if (route[2] != null) {
                doc.body(operation + ".responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/" + route[2]));
            }
        }
        doc.body("paths.'/api/collection'.post.responses.'201'.content.'application/json'.schema.$ref",
                equalTo("#/components/schemas/EnvelopeItemView"))
                .body("paths.'/api/collection'.post.requestBody.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/ItemInput"))
                .body("components.schemas.ItemView.properties.images.items.$ref", equalTo("#/components/schemas/Image"));
    }

    @Test
    void queryParametersShowTheirBounds() {
        openApi()
                .body("paths.'/api/collection'.get.parameters.find { it.name == 'limit' }.schema.minimum", equalTo(1))
                .body("paths.'/api/collection'.get.parameters.find { it.name == 'limit' }.in", equalTo("query"))
                .body("paths.'/api/collection'.get.parameters.name", hasItems("limit", "cursor"))
                .body("paths.'/api/collection/{id}/history'.get.parameters.find { it.name == 'limit' }.schema.minimum", equalTo(1))
                .body("paths.'/api/collection/{id}/history'.get.parameters.find { it.name == 'limit' }.schema.maximum", equalTo(365))
                .body("paths.'/api/collection/{id}/history'.get.parameters.find { it.name == 'from' }.schema.format", equalTo("date"))
                .body("paths.'/api/collection/{id}/history'.get.parameters.find { it.name == 'to' }.schema.format", equalTo("date"));
    }

    @Test
    void theItemInputDocumentsItsRules() {
        openApi()
                .body("components.schemas.ItemInput.required", hasItems("category", "bookValueType"))
                .body("components.schemas.ItemInput.properties.title.maxLength", equalTo(300))
                .body("components.schemas.ItemInput.properties.notes.maxLength", equalTo(5000))
                .body("components.schemas.ItemInput.properties.quantity.minimum", equalTo(1))
                .body("components.schemas.ItemInput.properties.metalPurity.maximum", equalTo(100))
                .body("components.schemas.ItemInput.properties.purchasePrice.minimum", equalTo(0))
                .body("components.schemas.ItemInput.properties.images.maxItems", equalTo(20));
    }
}
