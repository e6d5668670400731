package io.bulliontracker.collection;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deployed clients' calls (client-calls.md W01-W04, M07-M11, M14, M15), replayed as each client
 * sends them, asserting every field each one reads. The web client's requests reach the service through
 * the app's server, which adds the bearer token; the mobile client sends its own token and
 * {@code Content-Type: application/json} on every call, GET and DELETE included.
 */
@QuarkusTest
class ClientCompatibilityTests {

    private static final String CLOUDINARY_1 = "https://res.cloudinary.com/bullion/image/upload/v1736899200/items/front.jpg";
    private static final String CLOUDINARY_2 = "https://res.cloudinary.com/bullion/image/upload/v1736899200/items/back.jpg";

    @BeforeEach
    void warmUp() {
        CollectionFixtures.warmUp();
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    /** The web client's request as the app's server forwards it: the user's token added, nothing else. */
    private static RequestSpecification web(String user) {
        return Api.asUser(user);
    }

    private static RequestSpecification mobile(String user) {
        return Api.asUser(user).contentType("application/json");
    }

    private static void assertIsoTimestamp(String value) {
        assertTrue(Instant.parse(value).isBefore(Instant.now().plusSeconds(5)), value);
    }

    // ---- W02, W01, W03, W04: the web client ----

    @Test
    void w02WebAddsABullionItemAndW01ListsItWithEveryFieldItReads() {
        String user = TestData.newUser();
        String today = TestData.today().toString();
        String created = web(user).contentType("application/json").body("""
                {"category": "BULLION", "purchaseDate": "%s", "purchasePrice": 5400.5, "notes": "LCS",
                 "images": ["%s", "%s"], "type": "itemized", "metal": "gold", "weightOz": 1, "quantity": 2,
                 "title": "American Gold Eagle", "bookValueType": "spot_premium", "spotPriceAtCreation": 2650.555,
                 "premiumPercent": 3.5}""".formatted(today, CLOUDINARY_1, CLOUDINARY_2))
                .post("/api/collection").then().statusCode(201)
                .body("success", equalTo(true)).body("data.id", notNullValue())
                .extract().path("data.id");

        JsonPath list = web(user).get("/api/collection").then().statusCode(200).body("success", equalTo(true))
                .extract().jsonPath();
        Map<String, Object> item = list.getMap("data[0]");
        assertEquals(created, item.get("id"));
        assertEquals("BULLION", item.get("category"));
        assertEquals("itemized", item.get("type"));
        assertEquals("American Gold Eagle", item.get("title"));
        assertEquals("gold", item.get("metal"));
        assertEquals(2, item.get("quantity"));
        assertEquals(0, dec("1").compareTo(new BigDecimal(item.get("weightOz").toString())));
        assertEquals(0, dec("5400.50").compareTo((BigDecimal) item.get("purchasePrice")));
        assertEquals(0, dec("2650.56").compareTo((BigDecimal) item.get("spotPriceAtCreation")));
        assertEquals(0, dec("3.5").compareTo((BigDecimal) item.get("premiumPercent")));
        assertEquals(today, item.get("purchaseDate"));
        assertEquals("spot_premium", item.get("bookValueType"));
        assertEquals("LCS", item.get("notes"));
        assertEquals(false, item.get("isProblemCoin"));
        assertEquals(false, item.get("isGradeEstimated"));
        for (String absent : List.of("customBookValue", "numismaticValue", "grade", "gradingService", "certNumber",
                "problemType", "preciousMetalOz", "confidenceLevel")) {
            assertTrue(item.containsKey(absent), absent + " is read by the web client: present, even when null");
            assertEquals(null, item.get(absent), absent);
        }
        assertIsoTimestamp((String) item.get("createdAt"));
        assertIsoTimestamp((String) item.get("updatedAt"));
        // item.images.map(img => img.url)
        assertEquals(List.of(CLOUDINARY_1, CLOUDINARY_2), list.getList("data[0].images.url"));
    }

    @Test
    void w01EveryItemHasAnImagesArrayEvenWithoutImages() {
        String user = TestData.newUser();
        web(user).contentType("application/json").body("""
                {"category": "BULLION", "purchaseDate": "%s", "images": [], "type": "itemized", "metal": "silver",
                 "weightOz": 10, "quantity": 1, "title": "", "bookValueType": "custom", "customBookValue": 310}"""
                .formatted(TestData.today())).post("/api/collection").then().statusCode(201);
        TestData.update("INSERT INTO collection_items (id, user_id, category, type, metal, book_value_type, weight_oz) "
                + "VALUES (?, ?, 'BULLION', 'bulk', 'silver', 'spot_premium', 5)", user + "-legacy", user);
        web(user).get("/api/collection").then().statusCode(200)
                .body("data", hasSize(2))
                .body("data[0].images", hasSize(0)).body("data[1].images", hasSize(0))
                .body("data[0].title", nullValue());
    }

    @Test
    void w02WebAddsACoinAndGetsItsTitleAndMetalContent() {
        String user = TestData.newUser();
        String morgan = CollectionFixtures.morgan();
        web(user).contentType("application/json").body("""
                {"category": "NUMISMATIC", "purchaseDate": "2025-01-15", "purchasePrice": 95, "images": ["%s"],
                 "title": "", "metal": "silver", "quantity": 1, "coinReferenceId": "%s", "grade": "MS65",
                 "gradingService": "PCGS", "certNumber": "44617283", "isGradeEstimated": false, "isProblemCoin": false,
                 "bookValueType": "guide_price", "numismaticValue": 210}""".formatted(CLOUDINARY_1, morgan))
                .post("/api/collection").then().statusCode(201)
                .body("success", equalTo(true))
                .body("data.title", equalTo("1881 PCGS MS65 $1 Morgan Dollar"))
                // 0.8594 oz × 0.9 fine = 0.77346 fine oz
                .body("data.preciousMetalOz", comparesEqualTo(dec("0.77346")))
                .body("data.metalWeightOz", comparesEqualTo(dec("0.8594")))
                .body("data.metalPurity", comparesEqualTo(dec("0.9")))
                .body("data.numismaticValue", comparesEqualTo(dec("210.00")))
                .body("data.images[0].url", equalTo(CLOUDINARY_1));
    }

    @Test
    void w03WebEditIsAPartialPutWithATimestampDateAndAPercentPurity() {
        String user = TestData.newUser();
        String dime = CollectionFixtures.dimeWithoutWeight();
        String id = web(user).contentType("application/json").body("""
                {"category": "NUMISMATIC", "purchaseDate": "2024-06-01", "images": [], "title": "My dime",
                 "coinReferenceId": "%s", "quantity": 1, "grade": "~MS65", "gradingService": "NGC",
                 "bookValueType": "custom", "customBookValue": 4}""".formatted(dime))
                .post("/api/collection").then().statusCode(201).extract().path("data.id");

        // EditItemModal: title always sent (here ''), weightOz item.weightOz||0, purchaseDate a Date as JSON,
        // metalPurity as the percent the form shows, the stored grade verbatim (with its ~).
        web(user).contentType("application/json").body("""
                {"title": "", "metal": "silver", "weightOz": 0, "quantity": 3,
                 "purchaseDate": "2025-01-15T00:00:00.000Z", "purchasePrice": 12.5, "notes": "roll find",
                 "images": ["%s"], "grade": "~MS65", "gradingService": "NGC", "certNumber": "5561234-001",
                 "metalPurity": 90}""".formatted(CLOUDINARY_2))
                .put("/api/collection/" + id).then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.purchaseDate", equalTo("2025-01-15"))
                .body("data.title", equalTo("1964 NGC ~MS65 10C Roosevelt Dime"))
                .body("data.grade", equalTo("~MS65"))
                .body("data.isGradeEstimated", equalTo(true))
                .body("data.quantity", equalTo(3))
                // the coin has no weight: the US coinage table's 1964 dime, 0.07234 fine oz
                .body("data.preciousMetalOz", comparesEqualTo(dec("0.07234")))
                .body("data.metalPurity", comparesEqualTo(dec("0.9")))
                .body("data.bookValueType", equalTo("custom"))
                .body("data.customBookValue", comparesEqualTo(dec("4.00")))
                .body("data.images.url", contains(CLOUDINARY_2));
    }

    @Test
    void w03PurityAloneAsAPercentBecomesAFraction() {
        String user = TestData.newUser();
        String id = web(user).contentType("application/json").body("""
                {"category": "NUMISMATIC", "purchaseDate": "2024-06-01", "images": [], "title": "Bar-shaped medal",
                 "metal": "silver", "quantity": 1, "bookValueType": "custom", "customBookValue": 40,
                 "metalWeightOz": 1}""").post("/api/collection").then().statusCode(201).extract().path("data.id");
        web(user).contentType("application/json").body("{\"title\": \"Bar-shaped medal\", \"metal\": \"silver\", "
                + "\"weightOz\": 0, \"quantity\": 1, \"purchaseDate\": \"2024-06-01T00:00:00.000Z\", \"images\": [], "
                + "\"metalPurity\": 90}").put("/api/collection/" + id).then().statusCode(200)
                .body("data.metalPurity", comparesEqualTo(dec("0.9")))
                .body("data.preciousMetalOz", comparesEqualTo(dec("0.9")));
        assertEquals(0, dec("0.9").compareTo(TestData.decimal("SELECT metal_purity FROM collection_items WHERE id = ?", id)));
    }

    @Test
    void w04WebDeleteReadsSuccess() {
        String user = TestData.newUser();
        String id = CollectionFixtures.createId(user, "{\"category\": \"BULLION\", \"type\": \"itemized\", "
                + "\"metal\": \"gold\", \"bookValueType\": \"spot_premium\", \"weightOz\": 1}");
        web(user).delete("/api/collection/" + id).then().statusCode(200)
                .body("success", equalTo(true)).body("data.id", equalTo(id));
        web(user).delete("/api/collection/" + id).then().statusCode(404)
                .body("success", equalTo(false)).body("error", equalTo("Item not found"));
    }

    // ---- M09, M07, M08, M10, M11, M14, M15: the mobile client ----

    @Test
    void m09MobileAddsBullionAndM07ListsIt() {
        String user = TestData.newUser();
        mobile(user).body("""
                {"category": "BULLION", "type": "itemized", "title": "Silver Maple", "metal": "silver", "weightOz": 1,
                 "quantity": 25, "bookValueType": "spot_premium", "premiumPercent": 0, "spotPriceAtCreation": 78,
                 "purchaseDate": "2025-02-03", "purchasePrice": 2100, "notes": "tube", "images": ["%s"]}"""
                .formatted(CLOUDINARY_1)).post("/api/collection").then().statusCode(201)
                .body("data.title", equalTo("Silver Maple")).body("data.images[0].url", equalTo(CLOUDINARY_1));

        JsonPath list = mobile(user).get("/api/collection").then().statusCode(200).extract().jsonPath();
        Map<String, Object> item = list.getMap("data[0]");
        assertEquals("BULLION", item.get("category"));
        assertEquals("Silver Maple", item.get("title"));
        assertEquals("silver", item.get("metal"));
        assertEquals(25, item.get("quantity"));
        assertEquals(1, item.get("weightOz"));
        assertEquals("spot_premium", item.get("bookValueType"));
        assertEquals(0, item.get("premiumPercent"));
        assertEquals(0, dec("78.00").compareTo((BigDecimal) item.get("spotPriceAtCreation")));
        assertEquals(0, dec("2100.00").compareTo((BigDecimal) item.get("purchasePrice")));
        assertEquals("2025-02-03", item.get("purchaseDate"));
        assertEquals(false, item.get("isProblemCoin"));
        for (String field : List.of("customBookValue", "numismaticValue", "grade", "gradingService", "problemType",
                "coinReferenceId", "preciousMetalOz", "metalPurity")) {
            assertTrue(item.containsKey(field), field);
            assertEquals(null, item.get(field), field);
        }
        assertEquals(CLOUDINARY_1, list.getString("data[0].images[0].url"));
        assertFalse(list.getString("data[0].id").isBlank());
    }

    @Test
    void m09MobileErrorsCarryErrorAndDetails() {
        String user = TestData.newUser();
        mobile(user).body("{\"category\": \"BULLION\", \"type\": \"itemized\", \"title\": \"x\", \"metal\": \"silver\", "
                + "\"weightOz\": 0, \"quantity\": 1, \"bookValueType\": \"spot_premium\"}")
                .post("/api/collection").then().statusCode(400)
                .body("success", equalTo(false))
                .body("error", equalTo("Invalid weightOz: must be greater than 0 for BULLION"))
                .body("details.field", equalTo("weightOz"));
    }

    @Test
    void m08MobileReadsOneCoinItemWithEveryFieldOfItsForm() {
        String user = TestData.newUser();
        String morgan = CollectionFixtures.morgan();
        String id = mobile(user).body("""
                {"category": "NUMISMATIC", "coinReferenceId": "%s", "title": "Morgan from grandpa", "grade": "~MS63",
                 "gradingService": "RAW", "certificationNumber": "", "isGradeEstimated": true, "isProblemCoin": true,
                 "problemType": "cleaned", "bookValueType": "custom", "customBookValue": 55, "purchaseDate": "2024-12-24",
                 "purchasePrice": 40, "premiumPercent": 0, "quantity": 1, "notes": "n", "images": ["%s"]}"""
                .formatted(morgan, CLOUDINARY_1)).post("/api/collection").then().statusCode(201)
                .extract().path("data.id");

        mobile(user).get("/api/collection/" + id).then().statusCode(200)
                .body("data.category", equalTo("NUMISMATIC"))
                .body("data.title", equalTo("Morgan from grandpa"))
                .body("data.metal", equalTo("silver"))
                .body("data.weightOz", nullValue())
                .body("data.quantity", equalTo(1))
                .body("data.customBookValue", comparesEqualTo(dec("55.00")))
                .body("data.purchasePrice", comparesEqualTo(dec("40.00")))
                .body("data.premiumPercent", equalTo(0))
                .body("data.purchaseDate", equalTo("2024-12-24"))
                .body("data.notes", equalTo("n"))
                .body("data.images[0].url", equalTo(CLOUDINARY_1))
                .body("data.gradingService", equalTo("RAW"))
                .body("data.coinReferenceId", equalTo(morgan))
                .body("data.grade", equalTo("~MS63"))
                .body("$", hasKey("data"))
                .body("data", hasKey("certificationNumber"))
                .body("data.certificationNumber", nullValue())
                .body("data.isGradeEstimated", equalTo(true))
                .body("data.isProblemCoin", equalTo(true))
                .body("data.problemType", equalTo("cleaned"))
                .body("data.numismaticValue", nullValue())
                // shown × 100: 90 %
                .body("data.metalPurity", comparesEqualTo(dec("0.9")))
                .body("data.metalWeightOz", comparesEqualTo(dec("0.8594")));
    }

    @Test
    void m10MobileEditsSendTheReloadedGradeAndTheCertificateUnderItsOwnName() {
        String user = TestData.newUser();
        String morgan = CollectionFixtures.morgan();
        String id = CollectionFixtures.createId(user, CollectionFixtures.coinItem(morgan, "\"grade\": \"~MS65\""));

        // The form reloads grade "~MS65" and sends it back with the flag: never "~~MS65".
        mobile(user).body("{\"grade\": \"~MS65\", \"certificationNumber\": \"40123456\", \"isGradeEstimated\": true, "
                + "\"isProblemCoin\": false, \"title\": \"Morgan\", \"notes\": \"graded\"}")
                .put("/api/collection/" + id).then().statusCode(200)
                .body("data.grade", equalTo("~MS65"))
                .body("data.isGradeEstimated", equalTo(true))
                .body("data.certNumber", equalTo("40123456"))
                .body("data.certificationNumber", equalTo("40123456"))
                .body("data.title", equalTo("Morgan"));
        mobile(user).body("{\"grade\": \"~MS65\", \"isGradeEstimated\": false}").put("/api/collection/" + id).then()
                .statusCode(200).body("data.grade", equalTo("MS65")).body("data.isGradeEstimated", equalTo(false));

        // The BULLION edit: customBookValue carries the purchase price, bookValueType is not sent.
        String bar = CollectionFixtures.createId(user, "{\"category\": \"BULLION\", \"type\": \"itemized\", "
                + "\"metal\": \"silver\", \"bookValueType\": \"custom\", \"customBookValue\": 30, \"weightOz\": 1, "
                + "\"title\": \"Bar\"}");
        mobile(user).body("""
                {"title": "10 oz bar", "metal": "silver", "weightOz": 10, "quantity": 2, "customBookValue": 620.5,
                 "premiumPercent": 4, "purchaseDate": "2025-03-01", "purchasePrice": 620.5, "notes": "stacked",
                 "images": ["%s"]}""".formatted(CLOUDINARY_2))
                .put("/api/collection/" + bar).then().statusCode(200)
                .body("data.title", equalTo("10 oz bar"))
                .body("data.weightOz", equalTo(10))
                .body("data.quantity", equalTo(2))
                .body("data.bookValueType", equalTo("custom"))
                .body("data.customBookValue", comparesEqualTo(dec("620.50")))
                .body("data.purchasePrice", comparesEqualTo(dec("620.50")))
                .body("data.premiumPercent", equalTo(4))
                .body("data.purchaseDate", equalTo("2025-03-01"))
                .body("data.images.url", contains(CLOUDINARY_2));
    }

    @Test
    void m11MobileDeleteWithAJsonContentTypeAndNoBody() {
        String user = TestData.newUser();
        String id = CollectionFixtures.createId(user, "{\"category\": \"BULLION\", \"type\": \"itemized\", "
                + "\"metal\": \"gold\", \"bookValueType\": \"spot_premium\", \"weightOz\": 1}");
        mobile(user).delete("/api/collection/" + id).then().statusCode(200).body("success", equalTo(true));
        mobile(user).delete("/api/collection/" + id).then().statusCode(404).body("error", equalTo("Item not found"));
        mobile(user).get("/api/collection/" + id).then().statusCode(404).body("success", equalTo(false));
    }

    @Test
    void m14MobileChartReadsTheNewestThirtyRowsNewestFirst() {
        String user = TestData.newUser();
        String id = CollectionFixtures.createId(user, "{\"category\": \"BULLION\", \"type\": \"itemized\", "
                + "\"metal\": \"gold\", \"bookValueType\": \"spot_premium\", \"weightOz\": 1}");
        TestData.update("INSERT INTO item_value_history (item_id, price_date, value, value_type, source) "
                + "SELECT ?, ?::date - g, 2000 + g * 10.005, 'guide_price', CASE WHEN g % 2 = 0 THEN 'pcgs' ELSE 'greysheet' END "
                + "FROM generate_series(0, 44) AS g", id, TestData.today());
        JsonPath history = mobile(user).queryParam("limit", 30).get("/api/collection/" + id + "/history").then()
                .statusCode(200).body("data", hasSize(30)).extract().jsonPath();
        // history[0] is 'Current': today's row, 2000.00; history[29] the oldest shown: 29 days ago, 2290.145 → 2290.15
        assertEquals(TestData.today().toString(), history.getString("data[0].priceDate"));
        assertEquals(0, dec("2000.00").compareTo(history.getObject("data[0].value", BigDecimal.class)));
        assertEquals("pcgs", history.getString("data[0].source"));
        assertEquals(TestData.daysAgo(1).toString(), history.getString("data[1].priceDate"));
        assertEquals(0, dec("2010.01").compareTo(history.getObject("data[1].value", BigDecimal.class)));
        assertEquals("greysheet", history.getString("data[1].source"));
        assertEquals(TestData.daysAgo(29).toString(), history.getString("data[29].priceDate"));
        assertEquals(0, dec("2290.15").compareTo(history.getObject("data[29].value", BigDecimal.class)));
    }

    @Test
    void m15MobileSyncWithAnEmptyObjectOrAnItemId() {
        String user = TestData.newUser();
        String coin = TestData.coin("Mobile sync coin");
        TestData.price(coin, "MS64", TestData.daysAgo(3), "150.00", "142.25");
        String id = CollectionFixtures.createId(user, "{\"category\": \"NUMISMATIC\", \"metal\": \"copper\", "
                + "\"bookValueType\": \"guide_price\", \"coinReferenceId\": \"" + coin + "\", \"grade\": \"~ms64\"}");
        mobile(user).body("{}").post("/api/collection/sync-prices").then().statusCode(200)
                .body("data.synced", equalTo(1)).body("data.updated", equalTo(1))
                .body("data.message", equalTo("Synced 1 items, updated 1"));
        mobile(user).body("{\"itemId\": \"" + id + "\"}").post("/api/collection/sync-prices").then().statusCode(200)
                .body("data.synced", equalTo(1)).body("data.updated", equalTo(0))
                .body("data.message", equalTo("Synced 1 items, updated 0"));
        mobile(user).get("/api/collection/" + id).then().body("data.numismaticValue", comparesEqualTo(dec("142.25")));
        mobile(user).queryParam("limit", 30).get("/api/collection/" + id + "/history").then()
                .body("data", hasSize(1)).body("data[0].priceDate", equalTo(TestData.today().toString()))
                .body("data[0].value", comparesEqualTo(dec("142.25"))).body("data[0].source", equalTo("greysheet"));
    }
}
