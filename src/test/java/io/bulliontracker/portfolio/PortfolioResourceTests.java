package io.bulliontracker.portfolio;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.spot.SpotRows;
import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.PgWireProxy;
import io.bulliontracker.testing.TestData;
import io.bulliontracker.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The portfolio routes against a collection whose every number is worked out by hand. Spot: gold
 * 2000.00, silver 25.00, platinum 1000.00 (each the latest of older rows), no palladium row.
 */
@QuarkusTest
class PortfolioResourceTests {

    private static final List<String> ROUTES = List.of("/api/portfolio/summary", "/api/portfolio/valuation-breakdown",
            "/api/collection/summary");

    @BeforeEach
    void spotPrices() {
        SpotRows.clear();
        Instant now = SpotRows.now();
        SpotRows.add("gold", now.minus(Duration.ofDays(2)), "1500.00");
        SpotRows.add("gold", now.minus(Duration.ofMinutes(5)), "2000.00");
        SpotRows.add("silver", now.minus(Duration.ofDays(2)), "99.00");
        SpotRows.add("silver", now.minus(Duration.ofMinutes(5)), "25.00");
        SpotRows.add("platinum", now.minus(Duration.ofMinutes(5)), "1000.00");
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static ValidatableResponse get(String user, String path) {
        return Api.asUser(user).get(path).then().log().ifValidationFails().statusCode(200);
    }

    /**
     * Nine items; per item (oz = fine ounces, melt = oz × spot, book, cost):
     * A bullion gold 1 oz × 2, premium 5 %, bought 3900.00: oz 2, melt 4000, book 4200, cost 3900.
     * B bullion silver 10 oz × 3, no premium, spot at creation 20.00: oz 30, melt 750, book 750, cost 600.
     * C bullion palladium 1 oz, premium 10 %, bought 1200.00: no spot row, so melt 0 and book 0; cost 1200.
     * D numismatic gold $20, 0.9675 fine oz, guide 2500.00, bought 2300.00: melt 1935, book 2500, cost 2300.
     * E numismatic silver Morgan × 4, no fine oz but 0.8594 oz at 0.9: oz 3.09384, melt 77.346,
     *   guide 55.50 × 4 = 222.00, cost unknown.
     * F numismatic silver Morgan × 2 without metal content or guide value: unpriced, all 0, cost unknown.
     * G numismatic copper cent, custom 125.00, bought 100.00: no spot for copper, book 125, cost 100.
     * H bullion platinum 0.5 oz, custom 600.00 (spot at creation ignored: not spot_premium): melt 500, book 600.
     * I numismatic platinum without a coin, 0.9995 oz, premium 2.5 %: melt 999.50, book 1024.4875.
     */
    private static String collection(String user) {
        String doubleEagle = Holding.coinOfSeries("Saint-Gaudens Double Eagle");
        String morgan = Holding.coinOfSeries("Morgan Dollar");
        Holding.bullion(user, "gold", "spot_premium", "1.0").quantity(2).premiumPercent("5").purchasePrice("3900.00")
                .insert();
        Holding.bullion(user, "silver", "spot_premium", "10").quantity(3).spotPriceAtCreation("20.00").insert();
        Holding.bullion(user, "palladium", "spot_premium", "1").premiumPercent("10").purchasePrice("1200.00").insert();
        String d = Holding.numismatic(user, "gold", "guide_price").coin(doubleEagle).preciousMetalOz("0.9675")
                .guideValue("2500.00").purchasePrice("2300.00").insert();
        String e = Holding.numismatic(user, "silver", "guide_price").coin(morgan).quantity(4)
                .metalWeight("0.8594", "0.9").guideValue("55.50").insert();
        Holding.numismatic(user, "silver", "guide_price").coin(morgan).quantity(2).insert();
        Holding.numismatic(user, "copper", "custom").customValue("125.00").purchasePrice("100.00").insert();
        Holding.bullion(user, "platinum", "custom", "0.5").customValue("600.00").spotPriceAtCreation("900").insert();
        Holding.numismatic(user, "platinum", "spot_premium").preciousMetalOz("0.9995").premiumPercent("2.5").insert();
        Holding.valueHistory(d, "2025-01-10");
        Holding.valueHistory(e, "2025-02-03");
        return user;
    }

    /** Someone else's gold, which no caller but its owner may see counted. */
    private static void someoneElsesItems() {
        String other = TestData.newUser();
        String item = Holding.bullion(other, "gold", "spot_premium", "100").purchasePrice("1.00").insert();
        Holding.valueHistory(item, "2025-03-01");
    }

    @Test
    void summaryValuesEveryItemAgainstTheLatestSpotPrice() {
        someoneElsesItems();
        String user = collection(TestData.newUser());

        get(user, "/api/portfolio/summary")
                .body("success", equalTo(true))
                .body("data.totalItems", equalTo(9))
                .body("data.goldOz", comparesEqualTo(dec("2.9675")))
                // 30 + 3.09384
                .body("data.silverOz", comparesEqualTo(dec("33.0938")))
                .body("data.platinumOz", comparesEqualTo(dec("1.4995")))
                .body("data.palladiumOz", comparesEqualTo(dec("1.0000")))
                .body("data.preciousMetalGoldOz", comparesEqualTo(dec("0.9675")))
                .body("data.preciousMetalSilverOz", comparesEqualTo(dec("3.0938")))
                .body("data.preciousMetalPlatinumOz", comparesEqualTo(dec("0.9995")))
                // 4000 + 750 + 1935 + 77.346 + 500 + 999.50 = 8261.846
                .body("data.totalMeltValue", comparesEqualTo(dec("8261.85")))
                // 4200 + 750 + 2500 + 222 + 125 + 600 + 1024.4875 = 9421.4875
                .body("data.totalBookValue", comparesEqualTo(dec("9421.49")))
                // Known costs: A 3900, B 600, C 1200, D 2300, G 100.
                .body("data.totalCostBasis", comparesEqualTo(dec("8100.00")))
                // (4200 − 3900) + (750 − 600) + (0 − 1200) + (2500 − 2300) + (125 − 100) = −525
                .body("data.totalGain", comparesEqualTo(dec("-525.00")))
                // −525 / 8100 = −6.4815 %
                .body("data.gainPercent", comparesEqualTo(dec("-6.48")))
                // C (palladium, no spot row) and G (copper).
                .body("data.itemsWithoutSpot", equalTo(2))
                .body("data.unpricedItems", equalTo(1))
                .body("data.spotPrices.gold", comparesEqualTo(dec("2000.00")))
                .body("data.spotPrices.silver", comparesEqualTo(dec("25.00")))
                .body("data.spotPrices.platinum", comparesEqualTo(dec("1000.00")))
                .body("data.spotPrices.palladium", nullValue());
    }

    @Test
    void summaryAsOfIsTheAnswersTimeInUtc() {
        Instant before = Instant.now().minusMillis(1);
        String asOf = get(TestData.newUser(), "/api/portfolio/summary").extract().path("data.asOf");
        assertTrue(asOf.endsWith("Z"), asOf);
        Instant answered = Instant.parse(asOf);
        assertTrue(!answered.isBefore(before) && !answered.isAfter(Instant.now()), asOf);
    }

    @Test
    void valuationBreakdownSplitsTheBookValueByValuationType() {
        someoneElsesItems();
        String user = collection(TestData.newUser());

        get(user, "/api/portfolio/valuation-breakdown")
                .body("success", equalTo(true))
                // A, B, C, I: book 4200 + 750 + 0 + 1024.4875, melt 4000 + 750 + 0 + 999.50
                .body("data.spotPremium.count", equalTo(4))
                .body("data.spotPremium.totalValue", comparesEqualTo(dec("5974.49")))
                .body("data.spotPremium.totalPremium", comparesEqualTo(dec("224.99")))
                // (5 × 4000 + 0 × 750 + 10 × 0 + 2.5 × 999.50) / 5749.50 = 3.9132
                .body("data.spotPremium.avgPremiumPercent", comparesEqualTo(dec("3.91")))
                // D, E, F: book 2500 + 222 + 0, melt 1935 + 77.346 + 0
                .body("data.guidePrice.count", equalTo(3))
                .body("data.guidePrice.totalValue", comparesEqualTo(dec("2722.00")))
                .body("data.guidePrice.totalMeltValue", comparesEqualTo(dec("2012.35")))
                // (2722 − 2012.346) / 2012.346 = 35.2650 % from the unrounded melt
                .body("data.guidePrice.premiumOverMelt", comparesEqualTo(dec("35.27")))
                .body("data.custom.count", equalTo(2))
                .body("data.custom.totalValue", comparesEqualTo(dec("725.00")))
                // The other user's 2025-03-01 row is not the caller's.
                .body("data.lastSyncDate", equalTo("2025-02-03"));
    }

    @Test
    void collectionSummaryServesTheMobileEnvelopeAndTheWebClientsTopLevelFields() {
        someoneElsesItems();
        String user = collection(TestData.newUser());

        get(user, "/api/collection/summary")
                .body("success", equalTo(true))
                // Mobile: data.*
                .body("data.totalValue", comparesEqualTo(dec("9421.49")))
                .body("data.totalItems", equalTo(9))
                .body("data.bullionItems", equalTo(4))
                .body("data.numismaticItems", equalTo(5))
                // A 4200 + B 750 + C 0 + H 600
                .body("data.bullionValue", comparesEqualTo(dec("5550.00")))
                // D 2500 + E 222 + F 0 + G 125 + I 1024.4875
                .body("data.numismaticValue", comparesEqualTo(dec("3871.49")))
                .body("data.byMetal.gold.weightOz", comparesEqualTo(dec("2.9675")))
                .body("data.byMetal.gold.value", comparesEqualTo(dec("6700.00")))
                .body("data.byMetal.gold.items", equalTo(2))
                .body("data.byMetal.silver.weightOz", comparesEqualTo(dec("33.0938")))
                .body("data.byMetal.silver.value", comparesEqualTo(dec("972.00")))
                .body("data.byMetal.silver.items", equalTo(3))
                .body("data.byMetal.platinum.weightOz", comparesEqualTo(dec("1.4995")))
                .body("data.byMetal.platinum.value", comparesEqualTo(dec("1624.49")))
                .body("data.byMetal.platinum.items", equalTo(2))
                .body("data.byMetal.palladium.weightOz", comparesEqualTo(dec("1.0000")))
                .body("data.byMetal.palladium.value", comparesEqualTo(dec("0.00")))
                .body("data.byMetal.palladium.items", equalTo(1))
                .body("data.byMetal.copper.weightOz", comparesEqualTo(dec("0.0000")))
                .body("data.byMetal.copper.value", comparesEqualTo(dec("125.00")))
                .body("data.byMetal.copper.items", equalTo(1))
                // Web: beside success and data
                .body("totalValue", comparesEqualTo(dec("9421.49")))
                .body("totalItems", equalTo(9))
                .body("bullionValue", comparesEqualTo(dec("5550.00")))
                .body("bullionCount", equalTo(4))
                .body("numismaticValue", comparesEqualTo(dec("3871.49")))
                .body("numismaticCount", equalTo(5))
                // count sums quantities here: A × 2, B × 3, C × 1, H × 1
                .body("bullionByMetal.gold.value", comparesEqualTo(dec("4200.00")))
                .body("bullionByMetal.gold.count", equalTo(2))
                .body("bullionByMetal.silver.value", comparesEqualTo(dec("750.00")))
                .body("bullionByMetal.silver.count", equalTo(3))
                .body("bullionByMetal.palladium.value", comparesEqualTo(dec("0.00")))
                .body("bullionByMetal.palladium.count", equalTo(1))
                .body("bullionByMetal.platinum.value", comparesEqualTo(dec("600.00")))
                .body("bullionByMetal.platinum.count", equalTo(1))
                .body("bullionByMetal.size()", equalTo(4))
                // Rows per series; G and I have no coin.
                .body("numismaticBySeries.'Saint-Gaudens Double Eagle'.value", comparesEqualTo(dec("2500.00")))
                .body("numismaticBySeries.'Saint-Gaudens Double Eagle'.count", equalTo(1))
                .body("numismaticBySeries.'Morgan Dollar'.value", comparesEqualTo(dec("222.00")))
                .body("numismaticBySeries.'Morgan Dollar'.count", equalTo(2))
                .body("numismaticBySeries.Other.value", comparesEqualTo(dec("1149.49")))
                .body("numismaticBySeries.Other.count", equalTo(2))
                .body("numismaticBySeries.size()", equalTo(3))
                .body("preciousMetalGoldOz", comparesEqualTo(dec("0.9675")))
                .body("preciousMetalSilverOz", comparesEqualTo(dec("3.0938")))
                .body("preciousMetalPlatinumOz", comparesEqualTo(dec("0.9995")));
    }

    /**
     * The mobile client (M06, M16) and the web hooks (W14, W15) as they send them: a bearer token and, from
     * the mobile client, Content-Type: application/json on a GET without a body.
     */
    @Test
    void mobileAndWebSummaryReadsAsTheClientsSendThem() {
        String user = collection(TestData.newUser());
        Api.asUser(user).contentType("application/json").get("/api/collection/summary").then().statusCode(200)
                .body("data.totalValue", comparesEqualTo(dec("9421.49")))
                .body("data.bullionItems", equalTo(4))
                .body("data.numismaticItems", equalTo(5))
                .body("data.byMetal.silver.items", equalTo(3));
        Api.asUser(user).contentType("application/json").get("/api/portfolio/valuation-breakdown").then().statusCode(200)
                .body("data.spotPremium.count", equalTo(4))
                .body("data.spotPremium.totalValue", comparesEqualTo(dec("5974.49")))
                .body("data.spotPremium.avgPremiumPercent", comparesEqualTo(dec("3.91")))
                .body("data.guidePrice.count", equalTo(3))
                .body("data.guidePrice.totalValue", comparesEqualTo(dec("2722.00")))
                .body("data.guidePrice.premiumOverMelt", comparesEqualTo(dec("35.27")))
                .body("data.custom.count", equalTo(2))
                .body("data.custom.totalValue", comparesEqualTo(dec("725.00")))
                .body("data.lastSyncDate", equalTo("2025-02-03"));
        Api.asUser(user).get("/api/portfolio/summary").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.totalMeltValue", comparesEqualTo(dec("8261.85")))
                .body("data.totalBookValue", comparesEqualTo(dec("9421.49")))
                .body("data.goldOz", comparesEqualTo(dec("2.9675")))
                .body("data.silverOz", comparesEqualTo(dec("33.0938")))
                .body("data.platinumOz", comparesEqualTo(dec("1.4995")))
                .body("data.totalItems", equalTo(9));
    }

    @Test
    void moneyIsRoundedOnceAtTheEndHalfUp() {
        String user = TestData.newUser();
        // Each item melts to 0.0025 (0.00 if rounded alone); together 0.005, which is 0.01 half-up (0.00 half-even).
        Holding.bullion(user, "silver", "spot_premium", "0.0001").insert();
        Holding.bullion(user, "silver", "spot_premium", "0.0001").insert();

        get(user, "/api/portfolio/summary")
                .body("data.silverOz", comparesEqualTo(dec("0.0002")))
                .body("data.totalMeltValue", comparesEqualTo(dec("0.01")))
                .body("data.totalBookValue", comparesEqualTo(dec("0.01")));
        get(user, "/api/collection/summary").body("bullionByMetal.silver.value", comparesEqualTo(dec("0.01")));
    }

    @Test
    void anEmptyCollectionIsAllZerosWhateverOthersHold() {
        someoneElsesItems();
        String user = TestData.newUser();

        get(user, "/api/portfolio/summary")
                .body("data.totalItems", equalTo(0))
                .body("data.goldOz", comparesEqualTo(dec("0.0000")))
                .body("data.palladiumOz", comparesEqualTo(dec("0.0000")))
                .body("data.preciousMetalSilverOz", comparesEqualTo(dec("0.0000")))
                .body("data.totalMeltValue", comparesEqualTo(dec("0.00")))
                .body("data.totalBookValue", comparesEqualTo(dec("0.00")))
                .body("data.totalCostBasis", comparesEqualTo(dec("0.00")))
                .body("data.totalGain", comparesEqualTo(dec("0.00")))
                .body("data.gainPercent", comparesEqualTo(dec("0.00")))
                .body("data.itemsWithoutSpot", equalTo(0))
                .body("data.unpricedItems", equalTo(0))
                // Market data does not depend on holdings.
                .body("data.spotPrices.gold", comparesEqualTo(dec("2000.00")));
        get(user, "/api/portfolio/valuation-breakdown")
                .body("data.spotPremium.count", equalTo(0))
                .body("data.spotPremium.totalValue", comparesEqualTo(dec("0.00")))
                .body("data.spotPremium.totalPremium", comparesEqualTo(dec("0.00")))
                .body("data.spotPremium.avgPremiumPercent", comparesEqualTo(dec("0.00")))
                .body("data.guidePrice.count", equalTo(0))
                .body("data.guidePrice.totalMeltValue", comparesEqualTo(dec("0.00")))
                .body("data.guidePrice.premiumOverMelt", comparesEqualTo(dec("0.00")))
                .body("data.custom.totalValue", comparesEqualTo(dec("0.00")))
                .body("data.lastSyncDate", nullValue());
        get(user, "/api/collection/summary")
                .body("success", equalTo(true))
                .body("data.totalValue", comparesEqualTo(dec("0.00")))
                .body("data.totalItems", equalTo(0))
                .body("data.bullionItems", equalTo(0))
                .body("data.numismaticItems", equalTo(0))
                .body("data.byMetal", anEmptyMap())
                .body("totalItems", equalTo(0))
                .body("bullionCount", equalTo(0))
                .body("bullionByMetal", anEmptyMap())
                .body("numismaticBySeries", anEmptyMap())
                .body("preciousMetalGoldOz", comparesEqualTo(dec("0.0000")));
    }

    @Test
    void withoutAnySpotRowEveryItemMeltsToZeroAndIsCounted() {
        SpotRows.clear();
        String user = TestData.newUser();
        Holding.bullion(user, "gold", "spot_premium", "1").premiumPercent("5").spotPriceAtCreation("1800.00").insert();
        Holding.numismatic(user, "silver", "guide_price").preciousMetalOz("0.77344").guideValue("80.00").insert();

        get(user, "/api/portfolio/summary")
                .body("data.goldOz", comparesEqualTo(dec("1.0000")))
                .body("data.totalMeltValue", comparesEqualTo(dec("0.00")))
                .body("data.totalBookValue", comparesEqualTo(dec("80.00")))
                // The cost is still known: 1 oz × 1800.00 at creation; the gain is 0 − 1800.
                .body("data.totalCostBasis", comparesEqualTo(dec("1800.00")))
                .body("data.totalGain", comparesEqualTo(dec("-1800.00")))
                .body("data.gainPercent", comparesEqualTo(dec("-100.00")))
                .body("data.itemsWithoutSpot", equalTo(2))
                .body("data.spotPrices.gold", nullValue())
                .body("data.spotPrices.silver", nullValue());
        get(user, "/api/portfolio/valuation-breakdown")
                .body("data.spotPremium.avgPremiumPercent", comparesEqualTo(dec("0.00")))
                .body("data.guidePrice.premiumOverMelt", comparesEqualTo(dec("0.00")));
    }

    @Test
    void itemsCreatedThroughTheCollectionApiAreValued() {
        String user = TestData.newUser();
        Api.asUser(user).contentType("application/json").body("""
                {"category": "BULLION", "type": "itemized", "metal": "gold", "weightOz": 0.1, "quantity": 10,
                 "bookValueType": "spot_premium", "premiumPercent": 7.5, "purchasePrice": 2100}""")
                .post("/api/collection").then().statusCode(201);
        Api.asUser(user).contentType("application/json").body("""
                {"category": "BULLION", "type": "bulk", "metal": "silver", "weightOz": 1, "quantity": 100,
                 "bookValueType": "custom", "customBookValue": 2999.99}""")
                .post("/api/collection").then().statusCode(201);

        // gold: 1 oz × 2000 = 2000 melt, × 1.075 = 2150 book, cost 2100; silver: 100 oz × 25 = 2500 melt, book 2999.99
        get(user, "/api/portfolio/summary")
                .body("data.goldOz", comparesEqualTo(dec("1.0000")))
                .body("data.silverOz", comparesEqualTo(dec("100.0000")))
                .body("data.totalMeltValue", comparesEqualTo(dec("4500.00")))
                .body("data.totalBookValue", comparesEqualTo(dec("5149.99")))
                .body("data.totalCostBasis", comparesEqualTo(dec("2100.00")))
                .body("data.totalGain", comparesEqualTo(dec("50.00")))
                // 50 / 2100 = 2.381 %
                .body("data.gainPercent", comparesEqualTo(dec("2.38")));
        get(user, "/api/collection/summary")
                .body("bullionByMetal.gold.count", equalTo(10))
                .body("bullionByMetal.silver.count", equalTo(100))
                .body("bullionCount", equalTo(2));
    }

    @Test
    void collectionSummaryIsNotTakenForAnItemId() {
        String user = TestData.newUser();
        Holding.bullion(user, "gold", "custom", "1").customValue("10.00").insert();
        get(user, "/api/collection/summary").body("data.totalItems", equalTo(1)).body("data.id", nullValue());
        Api.asUser(user).get("/api/collection/summary-of-nothing").then().statusCode(404)
                .body("success", equalTo(false));
    }

    @Test
    void everyRouteNeedsAValidToken() {
        for (String path : ROUTES) {
            for (String bearer : new String[] {null, Tokens.expired("u"), Tokens.unsigned("u"), "Bearer not.a.jwt"}) {
                var request = bearer == null ? Api.anonymous() : Api.as(bearer);
                request.get(path).then().statusCode(401).body("success", equalTo(false))
                        .body("error", not(equalTo(null)));
            }
        }
    }

    @Test
    void aDatabaseThatIsAwayIsAFast503WithRetryAfter() {
        String user = collection(TestData.newUser());
        PgWireProxy proxy = PgWireProxy.current();
        proxy.refuseConnections(true);
        try {
            for (String path : ROUTES) {
                long started = System.nanoTime();
                Api.asUser(user).get(path).then().statusCode(503).header("Retry-After", "5")
                        .body("success", equalTo(false));
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertTrue(millis < 4_000, path + " took " + millis + " ms");
            }
        } finally {
            proxy.refuseConnections(false);
        }
        get(user, "/api/portfolio/summary").body("data.totalItems", equalTo(9));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 500})
    void eachRouteIsOneStatementWhateverTheCollectionSize(int items) {
        String user = TestData.newUser();
        PortfolioFixtures.mixedCollection(user, items);
        PgWireProxy proxy = PgWireProxy.current();
        for (String path : ROUTES) {
            proxy.resetStatements();
            ValidatableResponse response = get(user, path);
            List<String> statements = proxy.statements();
            assertEquals(1, statements.size(), () -> path + ": " + statements);
            if (path.equals("/api/collection/summary")) {
                response.body("totalItems", equalTo(items));
            } else if (path.equals("/api/portfolio/summary")) {
                response.body("data.totalItems", equalTo(items));
            }
        }
    }
}
