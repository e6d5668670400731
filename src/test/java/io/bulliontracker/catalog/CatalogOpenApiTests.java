package io.bulliontracker.catalog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /q/openapi documents every catalog route: a summary, each parameter with its bounds, the bodies' constraints. */
@QuarkusTest
class CatalogOpenApiTests {

    private static JsonPath doc;

    @BeforeEach
    void document() throws Exception {
        if (doc != null) {
            return;
        }
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target", "openapi.json"), json);
        doc = JsonPath.from(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static Map<String, Object> parameter(String path, String name) {
        List<Map<String, Object>> parameters = doc.getList("paths.'" + path + "'.get.parameters");
        return parameters.stream().filter(p -> name.equals(p.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(path + " does not document " + name + ": " + parameters));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(Map<String, Object> parameter) {
        return (Map<String, Object>) parameter.get("schema");
    }

    @Test
    void everyCatalogOperationHasASummary() {
        for (String op : List.of("'/api/grades'.get", "'/api/coins'.post", "'/api/coins/search'.get",
                "'/api/coins/{pcgsNumber}'.get", "'/api/coins/price-guide'.get", "'/api/coins/price-guide'.post")) {
            String summary = doc.getString("paths." + op + ".summary");
            assertNotNull(summary, op);
            assertFalse(summary.isBlank(), op);
        }
    }

    @Test
    void searchDocumentsQAndTheLimitsBounds() {
        Map<String, Object> q = schema(parameter("/api/coins/search", "q"));
        assertEquals(200, q.get("maxLength"));
        Map<String, Object> limit = schema(parameter("/api/coins/search", "limit"));
        assertEquals("integer", limit.get("type"));
        assertEquals(1, ((Number) limit.get("minimum")).intValue());
        assertEquals(20, ((Number) limit.get("default")).intValue());
        assertEquals("array", doc.getString("paths.'/api/coins/search'.get.responses.'200'.content.'application/json'.schema.type"));
    }

    @Test
    void priceGuideDocumentsBothFormsParameters() {
        Map<String, Object> pcgs = schema(parameter("/api/coins/price-guide", "pcgsNumber"));
        assertEquals(1, ((Number) pcgs.get("minimum")).intValue());
        for (String name : List.of("coinReferenceId", "gradeCode", "grade")) {
            assertNotNull(parameter("/api/coins/price-guide", name));
        }
        for (String name : List.of("from", "to")) {
            String ref = (String) schema(parameter("/api/coins/price-guide", name)).get("$ref");
            assertEquals("date", doc.getString("components.schemas." + ref.substring(ref.lastIndexOf('/') + 1) + ".format"), name);
        }
        Map<String, Object> path = schema(parameter("/api/coins/{pcgsNumber}", "pcgsNumber"));
        assertEquals("integer", path.get("type"));
        assertEquals(2147483647L, ((Number) path.get("maximum")).longValue());
    }

    @Test
    void requestBodiesCarryTheirConstraints() {
        assertEquals(1, doc.getInt("components.schemas.CoinInput.properties.pcgsNumber.minimum"));
        assertEquals(300, doc.getInt("components.schemas.CoinInput.properties.fullName.maxLength"));
        assertEquals(1, doc.getInt("components.schemas.CoinInput.properties.fineness.maximum"));
        assertTrue(doc.getList("components.schemas.CoinInput.required").contains("fullName"));
        assertEquals(0, new BigDecimal("9999999999.99").compareTo(doc.get("components.schemas.PriceRowInput.properties.pcgsPrice.maximum")));
        assertEquals(0, new BigDecimal("1E-12").compareTo(doc.get("components.schemas.PriceRowInput.properties.pcgsPrice.multipleOf")));
        Map<String, Object> priceRow = doc.getMap("components.schemas.PriceRowInput.properties");
        assertEquals(List.of("pcgsNumber", "coinReferenceId", "gradeCode", "priceDate", "pcgsPrice", "greysheetPrice"),
                List.copyOf(priceRow.keySet()), "only the row's own fields");
        assertNotNull(doc.get("components.schemas.GradeList.properties.data"));
        assertEquals(List.of("application/json", "text/csv"),
                List.copyOf(doc.getMap("paths.'/api/coins/price-guide'.post.requestBody.content").keySet()));
    }
}
