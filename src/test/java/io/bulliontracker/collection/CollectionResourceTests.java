package io.bulliontracker.collection;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class CollectionResourceTests {

    private static final String BULLION = "{\"category\": \"BULLION\", \"type\": \"bulk\", \"metal\": \"silver\", "
            + "\"bookValueType\": \"spot_premium\", \"weightOz\": 1, \"quantity\": 20, \"title\": \"  Maple Leafs  \"}";

    private static ValidatableResponse create(String user, String json) {
        return Api.asUser(user).contentType("application/json").body(json).post("/api/collection").then();
    }

    private static String createId(String user, String json) {
        return create(user, json).statusCode(201).extract().path("data.id");
    }

    private static String guideItem(String coinId, String grade) {
        return "{\"category\": \"NUMISMATIC\", \"metal\": \"copper\", \"bookValueType\": \"guide_price\", "
                + "\"coinReferenceId\": \"" + coinId + "\", \"grade\": \"" + grade + "\"}";
    }

    @Test
    void createReturns201WithTheStoredItem() {
        String user = TestData.newUser();
        String id = create(user, BULLION).statusCode(201)
                .body("success", equalTo(true))
                .body("data.id", notNullValue())
                .body("data.category", equalTo("BULLION"))
                .body("data.type", equalTo("bulk"))
                .body("data.title", equalTo("Maple Leafs"))
                .body("data.quantity", equalTo(20))
                .body("data.weightOz", equalTo(1))
                .body("data.isProblemCoin", equalTo(false))
                .body("data.isGradeEstimated", equalTo(false))
                .body("data.createdAt", notNullValue())
                .extract().path("data.id");
        Api.asUser(user).get("/api/collection/" + id).then().statusCode(200)
                .body("data.id", equalTo(id)).body("data.title", equalTo("Maple Leafs"));
    }

    @Test
    void locationHeaderNamesTheNewItem() {
        String user = TestData.newUser();
        var response = create(user, BULLION).statusCode(201).extract();
        assertTrue(response.header("Location").endsWith("/api/collection/" + response.path("data.id")));
    }

    @Test
    void guidePriceItemResolvesPcgsNumberAndMarksEstimatedGrades() {
        String user = TestData.newUser();
        int pcgs = TestData.nextPcgsNumber();
        String coin = TestData.coin(pcgs, "Resolved coin");
        create(user, "{\"category\": \"NUMISMATIC\", \"metal\": \"silver\", \"bookValueType\": \"guide_price\", "
                + "\"pcgsNumber\": " + pcgs + ", \"grade\": \"ms65\", \"isGradeEstimated\": true, "
                + "\"purchaseDate\": \"2024-02-29\", \"purchasePrice\": 12.345, \"notes\": \"from a show\"}")
                .statusCode(201)
                .body("data.coinReferenceId", equalTo(coin))
                .body("data.grade", equalTo("~MS65"))
                .body("data.isGradeEstimated", equalTo(true))
                .body("data.purchaseDate", equalTo("2024-02-29"))
                .body("data.purchasePrice", comparesEqualTo(new BigDecimal("12.35")));
        create(user, guideItem(coin, "~AU58")).statusCode(201)
                .body("data.grade", equalTo("~AU58")).body("data.isGradeEstimated", equalTo(true));
    }

    static Stream<Arguments> invalidItems() {
        String coin = TestData.coin("Validation coin");
        return Stream.of(
                Arguments.of("{\"metal\": \"gold\", \"bookValueType\": \"custom\", \"customBookValue\": 1}", "category"),
                Arguments.of("{\"category\": \"COINS\", \"metal\": \"gold\", \"bookValueType\": \"custom\", \"customBookValue\": 1}", "category"),
                Arguments.of("{\"category\": \"NUMISMATIC\", \"bookValueType\": \"custom\", \"customBookValue\": 1}", "metal"),
                Arguments.of("{\"category\": \"NUMISMATIC\", \"metal\": \"tin\", \"bookValueType\": \"custom\", \"customBookValue\": 1}", "metal"),
                Arguments.of("{\"category\": \"NUMISMATIC\", \"metal\": \"gold\"}", "bookValueType"),
                Arguments.of("{\"category\": \"BULLION\", \"metal\": \"gold\", \"bookValueType\": \"spot_premium\", \"weightOz\": 1}", "type"),
                Arguments.of("{\"category\": \"BULLION\", \"type\": \"bulk\", \"metal\": \"gold\", \"bookValueType\": \"spot_premium\"}", "weightOz"),
                Arguments.of("{\"category\": \"BULLION\", \"type\": \"bulk\", \"metal\": \"gold\", \"bookValueType\": \"spot_premium\", \"weightOz\": 0}", "weightOz"),
                Arguments.of("{\"category\": \"NUMISMATIC\", \"metal\": \"gold\", \"bookValueType\": \"custom\"}", "customBookValue"),
                Arguments.of("{\"category\": \"NUMISMATIC\", \"metal\": \"gold\", \"bookValueType\": \"custom\", \"customBookValue\": -1}", "customBookValue"),
                Arguments.of("{\"category\": \"BULLION\", \"type\": \"bulk\", \"weightOz\": 1, \"metal\": \"gold\", \"bookValueType\": \"guide_price\", \"coinReferenceId\": \"" + coin + "\", \"grade\": \"MS65\"}", "bookValueType"),
                Arguments.of("{\"category\": \"NUMISMATIC\", \"metal\": \"gold\", \"bookValueType\": \"guide_price\", \"grade\": \"MS65\"}", "coinReferenceId"),
                Arguments.of("{\"category\": \"NUMISMATIC\", \"metal\": \"gold\", \"bookValueType\": \"guide_price\", \"coinReferenceId\": \"" + coin + "\"}", "grade"),
                Arguments.of("{\"category\": \"NUMISMATIC\", \"metal\": \"gold\", \"bookValueType\": \"guide_price\", \"coinReferenceId\": \"" + coin + "\", \"grade\": \"MS71\"}", "grade"),
                Arguments.of("{\"category\": \"NUMISMATIC\", \"metal\": \"gold\", \"bookValueType\": \"guide_price\", \"coinReferenceId\": \"no-such-coin\", \"grade\": \"MS65\"}", "coinReferenceId"),
                Arguments.of("{\"category\": \"NUMISMATIC\", \"metal\": \"gold\", \"bookValueType\": \"guide_price\", \"pcgsNumber\": 999999997, \"grade\": \"MS65\"}", "pcgsNumber"),
                Arguments.of(BULLION.replace("\"quantity\": 20", "\"quantity\": 0"), "quantity"),
                Arguments.of(BULLION.replace("\"quantity\": 20", "\"quantity\": 1.5"), "quantity"),
                Arguments.of(BULLION.replace("\"quantity\": 20", "\"quantity\": \"2\""), "quantity"),
                Arguments.of(BULLION.replace("}", ", \"purchasePrice\": -0.01}"), "purchasePrice"),
                Arguments.of(BULLION.replace("}", ", \"purchasePrice\": 1e20}"), "purchasePrice"),
                Arguments.of(BULLION.replace("}", ", \"purchaseDate\": \"" + TestData.today().plusDays(1) + "\"}"), "purchaseDate"),
                Arguments.of(BULLION.replace("}", ", \"purchaseDate\": \"last year\"}"), "purchaseDate"),
                Arguments.of(BULLION.replace("}", ", \"gradingService\": \"XYZ\"}"), "gradingService"),
                Arguments.of(BULLION.replace("\"  Maple Leafs  \"", "\"" + "t".repeat(301) + "\""), "title"),
                Arguments.of(BULLION.replace("}", ", \"notes\": \"" + "n".repeat(5001) + "\"}"), "notes"),
                Arguments.of(BULLION.replace("\"  Maple Leafs  \"", "\"nul\\u0000byte\""), "title"));
    }

    @ParameterizedTest
    @MethodSource("invalidItems")
    void invalidItemsAreRefusedNamingTheFieldAndWriteNothing(String json, String field) {
        String user = TestData.newUser();
        create(user, json).statusCode(400)
                .body("success", equalTo(false))
                .body("details.field", equalTo(field));
        assertEquals(0, TestData.count("SELECT count(*) FROM collection_items WHERE user_id = ?", user));
    }

    @Test
    void limitsAreInclusive() {
        String user = TestData.newUser();
        create(user, BULLION.replace("\"  Maple Leafs  \"", "\"" + "t".repeat(300) + "\"")
                .replace("}", ", \"notes\": \"" + "n".repeat(5000) + "\", \"purchaseDate\": \"" + TestData.today() + "\"}"))
                .statusCode(201);
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndKeepsTheRules() {
        String user = TestData.newUser();
        String id = createId(user, BULLION.replace("}", ", \"notes\": \"keep me\", \"purchasePrice\": 10.005}"));
        TestData.update("UPDATE collection_items SET numismatic_value = 123.456 WHERE id = ?", id);

        Api.asUser(user).contentType("application/json").body("{\"title\": \"Renamed\", \"quantity\": 25, \"id\": \"ignored\"}")
                .patch("/api/collection/" + id).then().statusCode(200)
                .body("data.id", equalTo(id))
                .body("data.title", equalTo("Renamed"))
                .body("data.quantity", equalTo(25))
                .body("data.notes", equalTo("keep me"))
                .body("data.type", equalTo("bulk"));
        // Unrounded values survive a PATCH that does not touch them.
        assertEquals(0, new BigDecimal("123.456").compareTo(TestData.decimal("SELECT numismatic_value FROM collection_items WHERE id = ?", id)));
        assertEquals(0, new BigDecimal("10.005").compareTo(TestData.decimal("SELECT purchase_price FROM collection_items WHERE id = ?", id)));

        Api.asUser(user).contentType("application/json").body("{\"weightOz\": 0}")
                .patch("/api/collection/" + id).then().statusCode(400).body("details.field", equalTo("weightOz"));
        Api.asUser(user).contentType("application/json").body("[1]")
                .patch("/api/collection/" + id).then().statusCode(400);
        Api.asUser(user).contentType("application/json").body("{\"quantity\": \"lots\"}")
                .patch("/api/collection/" + id).then().statusCode(400)
                .body("error", equalTo("Invalid value for quantity")).body("details.field", equalTo("quantity"));
        Api.asUser(user).get("/api/collection/" + id).then().body("data.weightOz", equalTo(1))
                .body("data.title", equalTo("Renamed"));
    }

    @Test
    void patchGradeEstimateFollowsTheBody() {
        String user = TestData.newUser();
        String coin = TestData.coin("Patch grade coin");
        String id = createId(user, guideItem(coin, "~MS63"));
        Api.asUser(user).contentType("application/json").body("{\"isGradeEstimated\": false}")
                .patch("/api/collection/" + id).then().statusCode(200)
                .body("data.grade", equalTo("MS63")).body("data.isGradeEstimated", equalTo(false));
        Api.asUser(user).contentType("application/json").body("{\"grade\": \"~MS64\"}")
                .patch("/api/collection/" + id).then().statusCode(200)
                .body("data.grade", equalTo("~MS64")).body("data.isGradeEstimated", equalTo(true));
    }

    @Test
    void deleteRemovesTheItemAndItsHistory() {
        String user = TestData.newUser();
        String coin = TestData.coin("Delete coin");
        TestData.price(coin, "MS65", TestData.daysAgo(1), "10.00", "9.00");
        String id = createId(user, guideItem(coin, "MS65"));
        Api.asUser(user).post("/api/collection/sync-prices").then().statusCode(200).body("data.synced", equalTo(1));
        assertEquals(1, TestData.count("SELECT count(*) FROM item_value_history WHERE item_id = ?", id));

        Api.asUser(user).delete("/api/collection/" + id).then().statusCode(200).body("data.id", equalTo(id));

        Api.asUser(user).get("/api/collection/" + id).then().statusCode(404);
        assertEquals(0, TestData.count("SELECT count(*) FROM item_value_history WHERE item_id = ?", id));
        Api.asUser(user).delete("/api/collection/" + id).then().statusCode(404);
    }

    @Test
    void historyListsValuesAscendingWithinTheRange() {
        String user = TestData.newUser();
        String id = createId(user, BULLION);
        TestData.update("INSERT INTO item_value_history (item_id, price_date, value, value_type, source) VALUES "
                + "(?, current_date - 20, 10.005, 'guide_price', 'pcgs'), (?, current_date - 10, 11, 'guide_price', 'greysheet'),"
                + "(?, current_date - 30, 9, 'custom', null)", id, id, id);
        Api.asUser(user).get("/api/collection/" + id + "/history").then().statusCode(200)
                .body("data", hasSize(3))
                .body("data.value", contains(comparesEqualTo(new BigDecimal("9.00")), comparesEqualTo(new BigDecimal("10.01")),
                        comparesEqualTo(new BigDecimal("11.00"))))
                .body("data[0].valueType", equalTo("custom"))
                .body("data[0].source", nullValue());
        String from = TestData.rows("SELECT (current_date - 25)::text").get(0).get(0).toString();
        String to = TestData.rows("SELECT (current_date - 15)::text").get(0).get(0).toString();
        Api.asUser(user).queryParam("from", from).queryParam("to", to).get("/api/collection/" + id + "/history").then()
                .statusCode(200).body("data", hasSize(1)).body("data[0].source", equalTo("pcgs"));
        Api.asUser(user).queryParam("from", "nope").get("/api/collection/" + id + "/history").then().statusCode(400);
    }

    @Test
    void anotherUsersItemIsNotFoundOnEveryRouteAndStaysUnchanged() {
        String owner = TestData.newUser();
        String intruder = TestData.newUser();
        String id = createId(owner, BULLION);

        Api.asUser(intruder).get("/api/collection/" + id).then().statusCode(404).body("success", equalTo(false));
        Api.asUser(intruder).contentType("application/json").body("{\"title\": \"mine now\"}")
                .patch("/api/collection/" + id).then().statusCode(404);
        Api.asUser(intruder).delete("/api/collection/" + id).then().statusCode(404);
        Api.asUser(intruder).get("/api/collection/" + id + "/history").then().statusCode(404);
        Api.asUser(intruder).queryParam("limit", 10).queryParam("cursor", id).get("/api/collection").then().statusCode(400);
        Api.asUser(intruder).get("/api/collection").then().statusCode(200).body("data", hasSize(0));
        // Absent and foreign look the same.
        Api.asUser(intruder).get("/api/collection/no-such-item").then().statusCode(404);

        Api.asUser(owner).get("/api/collection/" + id).then().statusCode(200).body("data.title", equalTo("Maple Leafs"));
    }

    @Test
    void pageWalkVisitsEveryItemOnceNewestFirst() {
        String user = TestData.newUser();
        TestData.update("INSERT INTO collection_items (id, user_id, category, type, metal, book_value_type, weight_oz, created_at) "
                + "SELECT 'walk-' || lpad(g::text, 4, '0'), ?, 'BULLION', 'bulk', 'gold', 'spot_premium', 1, "
                + "timestamp '2024-01-01' + (g / 3) * interval '1 minute' FROM generate_series(1, 250) AS g", user);
        List<String> all = Api.asUser(user).get("/api/collection").then().statusCode(200)
                .body("data", hasSize(250)).body("pagination", nullValue()).extract().path("data.id");

        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        while (true) {
            var request = Api.asUser(user).queryParam("limit", 7);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/collection").then().statusCode(200)
                    .body("pagination.limit", equalTo(7)).extract();
            List<String> ids = page.path("data.id");
            walked.addAll(ids);
            pages++;
            if (!(Boolean) page.path("pagination.hasMore")) {
                assertNull((Object) page.path("pagination.nextCursor"));
                break;
            }
            cursor = page.path("pagination.nextCursor");
            assertEquals(ids.get(ids.size() - 1), cursor);
        }
        assertEquals(36, pages);
        assertEquals(all, walked, "the walk equals the full listing: no repeats, no gaps, same order");
        assertEquals(250, new HashSet<>(walked).size());
        // created_at DESC, then id DESC: g = 249, 250 share a minute with g = 251 absent → walk-0250 before walk-0249.
        assertEquals("walk-0250", walked.get(0));
        assertEquals("walk-0249", walked.get(1));
        assertEquals("walk-0001", walked.get(249));
    }

    @Test
    void pageLimitIsCappedAndValidated() {
        String user = TestData.newUser();
        TestData.update("INSERT INTO collection_items (id, user_id, category, type, metal, book_value_type, weight_oz) "
                + "SELECT ? || g, ?, 'BULLION', 'bulk', 'gold', 'spot_premium', 1 FROM generate_series(1, 120) AS g", user, user);
        Api.asUser(user).queryParam("limit", 500).get("/api/collection").then().statusCode(200)
                .body("data", hasSize(100)).body("pagination.limit", equalTo(100)).body("pagination.hasMore", equalTo(true));
        Api.asUser(user).queryParam("limit", "9999999999").get("/api/collection").then().statusCode(200)
                .body("data", hasSize(100)).body("pagination.limit", equalTo(100));
        for (String bad : List.of("0", "-1", "ten", "1.5", "99999999999999999999")) {
            Api.asUser(user).queryParam("limit", bad).get("/api/collection").then().statusCode(400)
                    .body("details.field", equalTo("limit"));
        }
        // Present but empty counts as absent (the convention of every optional query parameter): all items.
        Api.asUser(user).queryParam("limit", "").get("/api/collection").then().statusCode(200)
                .body("data", hasSize(120)).body("pagination", nullValue());
        Api.asUser(user).queryParam("limit", 5).queryParam("cursor", "unknown").get("/api/collection").then()
                .statusCode(400).body("details.field", equalTo("cursor"));
    }

    @Test
    void newItemsDoNotDisturbAWalkInProgress() {
        String user = TestData.newUser();
        for (int i = 0; i < 5; i++) {
            createId(user, BULLION);
        }
        List<String> first = Api.asUser(user).queryParam("limit", 2).get("/api/collection").then().statusCode(200)
                .extract().path("data.id");
        String added = createId(user, BULLION);
        List<String> rest = new ArrayList<>();
        String cursor = first.get(1);
        boolean more = true;
        while (more) {
            var page = Api.asUser(user).queryParam("limit", 2).queryParam("cursor", cursor).get("/api/collection").then()
                    .statusCode(200).extract();
            rest.addAll(page.path("data.id"));
            more = page.path("pagination.hasMore");
            cursor = page.path("pagination.nextCursor");
        }
        assertEquals(3, rest.size());
        assertFalse(rest.contains(added));
        assertFalse(rest.stream().anyMatch(first::contains));
    }

    @Test
    void unknownFieldsAreIgnoredAndMalformedBodiesRefused() {
        String user = TestData.newUser();
        create(user, BULLION.replace("}", ", \"somethingNew\": {\"a\": 1}}")).statusCode(201);
        create(user, "{\"category\": ").statusCode(400).body("error", containsString("Malformed JSON"));
        Api.asUser(user).contentType("text/plain").body(BULLION).post("/api/collection").then().statusCode(415);
    }
}
