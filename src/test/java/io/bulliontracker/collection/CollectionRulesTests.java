package io.bulliontracker.collection;

import static io.bulliontracker.collection.CollectionFixtures.coin;
import static io.bulliontracker.collection.CollectionFixtures.coinItem;
import static io.bulliontracker.collection.CollectionFixtures.create;
import static io.bulliontracker.collection.CollectionFixtures.createId;
import static io.bulliontracker.collection.CollectionFixtures.get;
import static io.bulliontracker.collection.CollectionFixtures.patch;
import static io.bulliontracker.collection.CollectionFixtures.put;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract's Collection rules, through the HTTP API against the real database. */
@QuarkusTest
class CollectionRulesTests {

    private static final String BULLION = "{\"category\": \"BULLION\", \"type\": \"itemized\", \"metal\": \"gold\", "
            + "\"bookValueType\": \"spot_premium\", \"weightOz\": 1, \"title\": \"Eagle\"";

    @BeforeEach
    void warmUp() {
        CollectionFixtures.warmUp();
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static BigDecimal stored(String column, String id) {
        return TestData.decimal("SELECT " + column + " FROM collection_items WHERE id = ?", id);
    }

    // ---- PUT is a partial update, like PATCH ----

    @Test
    void putChangesOnlyTheSentFieldsLikePatch() {
        String user = TestData.newUser();
        String id = createId(user, BULLION + ", \"notes\": \"keep\", \"quantity\": 3, \"purchasePrice\": 1500}");
        put(user, id, "{\"title\": \"Renamed\"}").statusCode(200)
                .body("data.title", equalTo("Renamed"))
                .body("data.notes", equalTo("keep"))
                .body("data.quantity", equalTo(3))
                .body("data.purchasePrice", comparesEqualTo(dec("1500.00")))
                .body("data.weightOz", equalTo(1));
        put(user, id, "{\"weightOz\": 0}").statusCode(400).body("details.field", equalTo("weightOz"));
        put(user, id, "[]").statusCode(400).body("details.field", equalTo("body"));
        put(TestData.newUser(), id, "{\"title\": \"not yours\"}").statusCode(404);
        get(user, id).body("data.title", equalTo("Renamed")).body("data.weightOz", equalTo(1));
    }

    @Test
    void putAndTheHistoryLimitNeedAToken() {
        String user = TestData.newUser();
        String id = createId(user, BULLION + "}");
        Api.anonymous().contentType("application/json").body("{\"title\": \"x\"}").put("/api/collection/" + id).then()
                .statusCode(401).body("success", equalTo(false));
        Api.anonymous().queryParam("limit", 30).get("/api/collection/" + id + "/history").then().statusCode(401)
                .body("success", equalTo(false));
        get(user, id).body("data.title", equalTo("Eagle"));
    }

    @Test
    void nullClearsAnOptionalFieldAndRefusesARequiredOne() {
        String user = TestData.newUser();
        String id = createId(user, BULLION + ", \"notes\": \"n\", \"purchasePrice\": 10, \"premiumPercent\": 5}");
        patch(user, id, "{\"notes\": null, \"purchasePrice\": null, \"premiumPercent\": null}").statusCode(200)
                .body("data.notes", nullValue()).body("data.purchasePrice", nullValue())
                .body("data.premiumPercent", nullValue()).body("data.title", equalTo("Eagle"));
        assertNull(TestData.rows("SELECT notes FROM collection_items WHERE id = ?", id).get(0).get(0));
        patch(user, id, "{\"bookValueType\": null}").statusCode(400).body("details.field", equalTo("bookValueType"));
        patch(user, id, "{\"category\": null}").statusCode(400).body("details.field", equalTo("category"));
    }

    // ---- purchaseDate ----

    @Test
    void purchaseDateTakesADateOrTheUtcDateOfATimestamp() {
        String user = TestData.newUser();
        String id = createId(user, BULLION + ", \"purchaseDate\": \"2025-01-15T00:00:00.000Z\"}");
        get(user, id).body("data.purchaseDate", equalTo("2025-01-15"));
        put(user, id, "{\"purchaseDate\": \"2025-01-15T22:00:00-05:00\"}").statusCode(200)
                .body("data.purchaseDate", equalTo("2025-01-16"));
        put(user, id, "{\"purchaseDate\": \"2024-02-29\"}").statusCode(200).body("data.purchaseDate", equalTo("2024-02-29"));
        put(user, id, "{\"purchaseDate\": \"" + TestData.today() + "\"}").statusCode(200)
                .body("data.purchaseDate", equalTo(TestData.today().toString()));
        put(user, id, "{\"purchaseDate\": \"\"}").statusCode(200).body("data.purchaseDate", nullValue());
        assertNull(TestData.rows("SELECT purchase_date FROM collection_items WHERE id = ?", id).get(0).get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2099-01-01", "2099-01-01T00:00:00Z", "15/01/2025", "2025-02-30", "yesterday"})
    void purchaseDateInTheFutureOrUnreadableIsRefused(String date) {
        String user = TestData.newUser();
        create(user, BULLION + ", \"purchaseDate\": \"" + date + "\"}").statusCode(400)
                .body("details.field", equalTo("purchaseDate"));
        String id = createId(user, BULLION + "}");
        put(user, id, "{\"purchaseDate\": \"" + date + "\"}").statusCode(400).body("details.field", equalTo("purchaseDate"));
        get(user, id).body("data.purchaseDate", nullValue());
    }

    @Test
    void tomorrowInUtcIsTheFuture() {
        String user = TestData.newUser();
        create(user, BULLION + ", \"purchaseDate\": \"" + TestData.today().plusDays(1) + "T00:00:00Z\"}").statusCode(400)
                .body("error", equalTo("Invalid purchaseDate: must not be in the future"));
    }

    // ---- metalPurity ----

    @Test
    void purityIsAPercentOverOneAndAFractionOtherwise() {
        String user = TestData.newUser();
        String id = createId(user, "{\"category\": \"NUMISMATIC\", \"metal\": \"silver\", \"bookValueType\": \"custom\", "
                + "\"customBookValue\": 5, \"metalPurity\": 90, \"metalWeightOz\": 0.8}");
        // 0.8 × 0.9 = 0.72
        get(user, id).body("data.metalPurity", comparesEqualTo(dec("0.9")))
                .body("data.preciousMetalOz", comparesEqualTo(dec("0.72")));
        assertEquals(0, dec("0.9").compareTo(stored("metal_purity", id)));
        put(user, id, "{\"metalPurity\": 0.999}").statusCode(200).body("data.metalPurity", comparesEqualTo(dec("0.999")))
                // 0.8 × 0.999 = 0.7992: the weight comes from the stored item
                .body("data.preciousMetalOz", comparesEqualTo(dec("0.7992")));
        put(user, id, "{\"metalPurity\": 100}").statusCode(200).body("data.metalPurity", comparesEqualTo(dec("1")));
        put(user, id, "{\"metalPurity\": 100.01}").statusCode(400).body("details.field", equalTo("metalPurity"));
        put(user, id, "{\"metalPurity\": -1}").statusCode(400).body("details.field", equalTo("metalPurity"));
    }

    // ---- metal content of numismatic items ----

    @Test
    void coinWeightTimesFinenessIsTheMetalContent() {
        String user = TestData.newUser();
        String morgan = CollectionFixtures.morgan();
        String id = createId(user, coinItem(morgan, "\"metalWeightOz\": 5, \"metalPurity\": 50"));
        // From the coin, not the request: 0.8594 × 0.9 = 0.77346
        get(user, id).body("data.metal", equalTo("silver"))
                .body("data.metalWeightOz", comparesEqualTo(dec("0.8594")))
                .body("data.metalPurity", comparesEqualTo(dec("0.9")))
                .body("data.preciousMetalOz", comparesEqualTo(dec("0.77346")));
    }

    @Test
    void theUsCoinageTableServesCoinsWithoutWeight() {
        String user = TestData.newUser();
        String dime = CollectionFixtures.dimeWithoutWeight();
        String id = createId(user, coinItem(dime, "\"quantity\": 10"));
        get(user, id).body("data.metalWeightOz", comparesEqualTo(dec("0.0804")))
                .body("data.metalPurity", comparesEqualTo(dec("0.9")))
                .body("data.preciousMetalOz", comparesEqualTo(dec("0.07234")));
        // The row's metal must be the item's: a copper item of the same coin keeps its own figures.
        String copper = createId(user, coinItem(dime, "\"metal\": \"copper\", \"metalWeightOz\": 0.0735, \"metalPurity\": 95"));
        // 0.0735 × 0.95 = 0.069825
        get(user, copper).body("data.preciousMetalOz", comparesEqualTo(dec("0.069825")));
    }

    @Test
    void weightTimesPurityServesItemsWithoutCoinAndRoundsToSixDecimals() {
        String user = TestData.newUser();
        String id = createId(user, "{\"category\": \"NUMISMATIC\", \"metal\": \"gold\", \"bookValueType\": \"custom\", "
                + "\"customBookValue\": 1, \"metalWeightOz\": 1.2345678, \"metalPurity\": 0.333}");
        // 1.2345678 × 0.333 = 0.4111110774 → 0.411111
        assertEquals(dec("0.411111"), stored("precious_metal_oz", id));
        get(user, id).body("data.preciousMetalOz", comparesEqualTo(dec("0.411111")));
        // Bullion is never derived.
        String bar = createId(user, BULLION + ", \"metalWeightOz\": 2, \"metalPurity\": 0.5}");
        get(user, bar).body("data.preciousMetalOz", nullValue());
    }

    @Test
    void anUpdateTouchingCoinWeightOrPurityDerivesAgainUnlessItGivesTheOunces() {
        String user = TestData.newUser();
        String dime = CollectionFixtures.dimeWithoutWeight();
        String morgan = CollectionFixtures.morgan();
        String id = createId(user, coinItem(dime, ""));
        get(user, id).body("data.preciousMetalOz", comparesEqualTo(dec("0.07234")));

        // A new coin: its figures.
        patch(user, id, "{\"coinReferenceId\": \"" + morgan + "\"}").statusCode(200)
                .body("data.preciousMetalOz", comparesEqualTo(dec("0.77346")));
        // Sent ounces win over the coin.
        put(user, id, "{\"metalPurity\": 0.5, \"preciousMetalOz\": 0.1234567}").statusCode(200)
                .body("data.preciousMetalOz", comparesEqualTo(dec("0.123457")))
                .body("data.metalPurity", comparesEqualTo(dec("0.5")));
        // An update that touches none of them keeps what is stored.
        put(user, id, "{\"notes\": \"hi\"}").statusCode(200).body("data.preciousMetalOz", comparesEqualTo(dec("0.123457")));
        // The web client's edit sends weightOz 0 for a coin: derived from the coin again.
        put(user, id, "{\"weightOz\": 0}").statusCode(200)
                .body("data.preciousMetalOz", comparesEqualTo(dec("0.77346")))
                .body("data.metalPurity", comparesEqualTo(dec("0.9")));
        // By PCGS number.
        int pcgs = TestData.nextPcgsNumber();
        coin(pcgs, 1924, "$20", "Saint-Gaudens Double Eagle", "gold", null, null);
        patch(user, id, "{\"pcgsNumber\": " + pcgs + ", \"metal\": \"gold\"}").statusCode(200)
                .body("data.preciousMetalOz", comparesEqualTo(dec("0.96750")))
                .body("data.metalWeightOz", comparesEqualTo(dec("1.075")));
    }

    @Test
    void anItemWithoutCoinTakesTheMissingFactorFromTheStoredItem() {
        String user = TestData.newUser();
        String id = createId(user, "{\"category\": \"NUMISMATIC\", \"metal\": \"platinum\", \"bookValueType\": \"custom\", "
                + "\"customBookValue\": 1, \"metalPurity\": 99.95}");
        get(user, id).body("data.preciousMetalOz", nullValue());
        // 0.5 × 0.9995 = 0.49975
        put(user, id, "{\"metalWeightOz\": 0.5}").statusCode(200).body("data.preciousMetalOz", comparesEqualTo(dec("0.49975")));
        // Ounces given by hand survive an edit of the weight when a factor is missing.
        String given = createId(user, "{\"category\": \"NUMISMATIC\", \"metal\": \"gold\", \"bookValueType\": \"custom\", "
                + "\"customBookValue\": 1, \"preciousMetalOz\": 0.25}");
        put(user, given, "{\"weightOz\": 0}").statusCode(200).body("data.preciousMetalOz", comparesEqualTo(dec("0.25")));
    }

    @Test
    void aNumismaticItemWithACoinDefaultsToTheCoinsMetal() {
        String user = TestData.newUser();
        String gold = coin(1907, "$20", "Saint-Gaudens Double Eagle", "Gold", null, null);
        create(user, coinItem(gold, "")).statusCode(201).body("data.metal", equalTo("gold"))
                .body("data.preciousMetalOz", comparesEqualTo(dec("0.96750")));
        String noMetal = coin(1909, "1C", "Lincoln Cent", null, null, null);
        create(user, coinItem(noMetal, "")).statusCode(400).body("details.field", equalTo("metal"));
        create(user, coinItem(noMetal, "\"metal\": \"copper\"")).statusCode(201).body("data.metal", equalTo("copper"));
    }

    @Test
    void coinIdAndPcgsNumberMustNameTheSameCoin() {
        String user = TestData.newUser();
        int pcgs = TestData.nextPcgsNumber();
        String one = coin(pcgs, 1881, "$1", "Morgan Dollar", "silver", "0.8594", "0.9");
        String other = CollectionFixtures.morgan();
        create(user, coinItem(other, "\"pcgsNumber\": " + pcgs)).statusCode(400).body("details.field", equalTo("pcgsNumber"));
        create(user, coinItem(one, "\"pcgsNumber\": " + pcgs)).statusCode(201).body("data.coinReferenceId", equalTo(one));
    }

    // ---- titles ----

    @Test
    void coinItemsWithoutTitleGetOneBuiltFromCoinServiceAndGrade() {
        String user = TestData.newUser();
        String morgan = CollectionFixtures.morgan();
        create(user, coinItem(morgan, "\"gradingService\": \"PCGS\", \"grade\": \"MS65\", \"title\": \"  \""))
                .statusCode(201).body("data.title", equalTo("1881 PCGS MS65 $1 Morgan Dollar"));
        String raw = createId(user, coinItem(morgan, "\"grade\": \"~ms 63\""));
        get(user, raw).body("data.title", equalTo("1881 RAW ~MS63 $1 Morgan Dollar"));
        // A title the user gave stays; an update that blanks it gets a new one from the current fields.
        put(user, raw, "{\"title\": \"My Morgan\"}").statusCode(200).body("data.title", equalTo("My Morgan"));
        put(user, raw, "{\"title\": \"\", \"gradingService\": \"NGC\", \"grade\": \"AU58\"}").statusCode(200)
                .body("data.title", equalTo("1881 NGC AU58 $1 Morgan Dollar"));
        put(user, raw, "{\"notes\": \"n\"}").statusCode(200).body("data.title", equalTo("1881 NGC AU58 $1 Morgan Dollar"));
        // Without a coin, a blank title stays blank.
        String plain = createId(user, "{\"category\": \"NUMISMATIC\", \"metal\": \"silver\", \"bookValueType\": \"custom\", "
                + "\"customBookValue\": 1, \"title\": \"\"}");
        get(user, plain).body("data.title", nullValue());
    }

    // ---- grades ----

    @Test
    void freeTextGradesForItemsThatAreNotGuidePriced() {
        String user = TestData.newUser();
        String morgan = CollectionFixtures.morgan();
        create(user, coinItem(morgan, "\"grade\": \"MS65+\"")).statusCode(201).body("data.grade", equalTo("MS65+"));
        create(user, coinItem(morgan, "\"grade\": \"~PR69DCAM\"")).statusCode(201)
                .body("data.grade", equalTo("~PR69DCAM")).body("data.isGradeEstimated", equalTo(true));
        String twenty = "A".repeat(20);
        create(user, coinItem(morgan, "\"grade\": \"~" + twenty + "\"")).statusCode(201).body("data.grade", equalTo("~" + twenty));
        create(user, coinItem(morgan, "\"grade\": \"" + twenty + "B\"")).statusCode(400).body("details.field", equalTo("grade"));
        create(user, coinItem(morgan, "\"grade\": \" ms 65 \"")).statusCode(201).body("data.grade", equalTo("MS65"));
        // guide_price needs a code
        create(user, coinItem(morgan, "\"grade\": \"MS65+\"").replace("\"custom\"", "\"guide_price\"")).statusCode(400)
                .body("details.field", equalTo("grade"));
        create(user, coinItem(morgan, "\"grade\": \"~ms 64\"").replace("\"custom\"", "\"guide_price\"")).statusCode(201)
                .body("data.grade", equalTo("~MS64"));
    }

    @Test
    void theEstimateFlagDecidesWhenSentAndNeverDoublesTheMarker() {
        String user = TestData.newUser();
        String morgan = CollectionFixtures.morgan();
        String id = createId(user, coinItem(morgan, "\"grade\": \"~MS65\", \"isGradeEstimated\": false"));
        get(user, id).body("data.grade", equalTo("MS65")).body("data.isGradeEstimated", equalTo(false));
        // The mobile edit sends the reloaded grade (maybe with ~) and the flag.
        put(user, id, "{\"grade\": \"~MS65\", \"isGradeEstimated\": true}").statusCode(200)
                .body("data.grade", equalTo("~MS65")).body("data.isGradeEstimated", equalTo(true));
        put(user, id, "{\"grade\": \"~MS65\", \"isGradeEstimated\": true}").statusCode(200).body("data.grade", equalTo("~MS65"));
        put(user, id, "{\"grade\": \"~~MS66\"}").statusCode(200)
                .body("data.grade", equalTo("~MS66")).body("data.isGradeEstimated", equalTo(true));
        put(user, id, "{\"isGradeEstimated\": false}").statusCode(200)
                .body("data.grade", equalTo("MS66")).body("data.isGradeEstimated", equalTo(false));
        put(user, id, "{\"isGradeEstimated\": true}").statusCode(200).body("data.grade", equalTo("~MS66"));
        assertEquals(0, TestData.count("SELECT count(*) FROM collection_items WHERE grade LIKE '~~%'"));
    }

    // ---- certificationNumber ----

    @Test
    void certificationNumberIsAcceptedAsCertNumber() {
        String user = TestData.newUser();
        String id = createId(user, BULLION + ", \"certificationNumber\": \"12345678\"}");
        get(user, id).body("data.certNumber", equalTo("12345678")).body("data.certificationNumber", equalTo("12345678"));
        put(user, id, "{\"certificationNumber\": \"87654321\"}").statusCode(200).body("data.certNumber", equalTo("87654321"));
        put(user, id, "{\"certNumber\": \"11111111\"}").statusCode(200).body("data.certificationNumber", equalTo("11111111"));
    }

    // ---- images ----

    @Test
    void imagesAreStoredInOrderReturnedOnEveryReadAndReplacedByAnUpdate() {
        String user = TestData.newUser();
        String id = createId(user, BULLION + ", \"images\": [\"https://res.cloudinary.com/a/1.jpg\", \"http://example.com/2.png\"]}");
        get(user, id).body("data.images", hasSize(2))
                .body("data.images.url", contains("https://res.cloudinary.com/a/1.jpg", "http://example.com/2.png"))
                .body("data.images.order", contains(0, 1))
                .body("data.images[0].id", matchesPattern("[0-9a-f-]{36}"));
        Api.asUser(user).get("/api/collection").then().body("data[0].images.url",
                contains("https://res.cloudinary.com/a/1.jpg", "http://example.com/2.png"));
        Api.asUser(user).queryParam("limit", 1).get("/api/collection").then().body("data[0].images", hasSize(2));

        put(user, id, "{\"title\": \"t\"}").statusCode(200).body("data.images", hasSize(2));
        put(user, id, "{\"images\": [\"https://c/3.jpg\"]}").statusCode(200)
                .body("data.images.url", contains("https://c/3.jpg")).body("data.images.order", contains(0));
        assertEquals(1, TestData.count("SELECT count(*) FROM item_images WHERE item_id = ?", id));
        put(user, id, "{\"images\": []}").statusCode(200).body("data.images", hasSize(0));
        put(user, id, "{\"images\": [\"https://c/4.jpg\"]}").statusCode(200);
        put(user, id, "{\"images\": null}").statusCode(200).body("data.images", hasSize(0));
        String none = createId(user, BULLION + "}");
        get(user, none).body("data.images", hasSize(0));
    }

    @Test
    void imagesAreBounded() {
        String user = TestData.newUser();
        String twenty = IntStream.range(0, 20).mapToObj(i -> "\"https://x/" + i + ".jpg\"").collect(Collectors.joining(","));
        create(user, BULLION + ", \"images\": [" + twenty + "]}").statusCode(201).body("data.images", hasSize(20))
                .body("data.images[19].order", equalTo(19));
        create(user, BULLION + ", \"images\": [" + twenty + ", \"https://x/20.jpg\"]}").statusCode(400)
                .body("details.field", equalTo("images"));
        String longest = "https://x/" + "a".repeat(2048 - "https://x/".length());
        create(user, BULLION + ", \"images\": [\"" + longest + "\"]}").statusCode(201);
        for (String bad : List.of("\"" + longest + "a\"", "\"ftp://x/1.jpg\"", "\"javascript:alert(1)\"", "\"/relative.jpg\"",
                "\"\"", "null", "\"https://\"")) {
            String user2 = TestData.newUser();
            create(user2, BULLION + ", \"images\": [\"https://ok/1.jpg\", " + bad + "]}").statusCode(400)
                    .body("details.field", equalTo("images")).body("details.reason", not(equalTo(null)));
            assertEquals(0, TestData.count("SELECT count(*) FROM collection_items WHERE user_id = ?", user2));
        }
    }

    @Test
    void deletingAnItemDeletesItsImages() {
        String user = TestData.newUser();
        String id = createId(user, BULLION + ", \"images\": [\"https://x/1.jpg\", \"https://x/2.jpg\"]}");
        Api.asUser(user).delete("/api/collection/" + id).then().statusCode(200).body("data.id", equalTo(id));
        assertEquals(0, TestData.count("SELECT count(*) FROM item_images WHERE item_id = ?", id));
    }

    // ---- history ----

    @Test
    void historyLimitGivesTheNewestRowsNewestFirst() {
        String user = TestData.newUser();
        String id = createId(user, BULLION + "}");
        TestData.update("INSERT INTO item_value_history (item_id, price_date, value, value_type, source) "
                + "SELECT ?, ?::date - g, 100 + g, 'guide_price', 'pcgs' FROM generate_series(1, 40) AS g", id, TestData.today());
        List<String> dates = Api.asUser(user).queryParam("limit", 30).get("/api/collection/" + id + "/history").then()
                .statusCode(200).body("data", hasSize(30))
                .body("data[0].value", comparesEqualTo(dec("101.00")))
                .body("data[29].value", comparesEqualTo(dec("130.00")))
                .extract().path("data.priceDate");
        assertEquals(TestData.daysAgo(1).toString(), dates.get(0));
        assertEquals(TestData.daysAgo(30).toString(), dates.get(29));
        Api.asUser(user).queryParam("limit", 365).get("/api/collection/" + id + "/history").then().body("data", hasSize(40));
        // Without limit: every row, oldest first.
        Api.asUser(user).get("/api/collection/" + id + "/history").then().body("data", hasSize(40))
                .body("data[0].priceDate", equalTo(TestData.daysAgo(40).toString()));
        // limit within a range: the range's newest rows
        Api.asUser(user).queryParam("limit", 2).queryParam("to", TestData.daysAgo(10).toString())
                .get("/api/collection/" + id + "/history").then()
                .body("data.priceDate", contains(TestData.daysAgo(10).toString(), TestData.daysAgo(11).toString()));
        for (String bad : List.of("0", "366", "-1", "ten", "1.5", "99999999999")) {
            Api.asUser(user).queryParam("limit", bad).get("/api/collection/" + id + "/history").then().statusCode(400)
                    .body("details.field", equalTo("limit"));
        }
        Api.asUser(TestData.newUser()).queryParam("limit", 30).get("/api/collection/" + id + "/history").then().statusCode(404);
        String empty = createId(user, BULLION + "}");
        Api.asUser(user).queryParam("limit", 30).get("/api/collection/" + empty + "/history").then().statusCode(200)
                .body("data", hasSize(0));
    }

    // ---- decimals ----

    /** Today a setScale on 1e-100000000 pins an event-loop thread for 76 s: each refusal here must be quick. */
    @ParameterizedTest
    @ValueSource(strings = {"1e-100000000", "1e20", "0.0000000000001", "1234567890123", "1e-20000"})
    void decimalsBeyondTwelveDigitsAreRefusedBeforeAnyArithmetic(String value) {
        String user = TestData.newUser();
        String id = createId(user, BULLION + "}");
        long slowest = 0;
        for (String field : List.of("weightOz", "metalPurity", "metalWeightOz", "preciousMetalOz", "customBookValue",
                "premiumPercent", "numismaticValue", "spotPriceAtCreation", "purchasePrice")) {
            long started = System.nanoTime();
            create(user, BULLION + ", \"" + field + "\": " + value + "}").statusCode(400).body("details.field", equalTo(field));
            put(user, id, "{\"" + field + "\": " + value + ", \"notes\": \"n\"}").statusCode(400)
                    .body("details.field", equalTo(field));
            slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
        }
        assertTrue(slowest < 2000, "a refusal took " + slowest + " ms");
        assertEquals(1, TestData.count("SELECT count(*) FROM collection_items WHERE user_id = ?", user));
        get(user, id).body("data.notes", nullValue());
    }

    @Test
    void twelveDigitsEachSideAreAccepted() {
        String user = TestData.newUser();
        create(user, BULLION + ", \"purchasePrice\": 999999999999.999999999999, \"metalWeightOz\": 0.000000000001}")
                .statusCode(201).body("data.purchasePrice", comparesEqualTo(dec("1000000000000.00")));
    }
}
