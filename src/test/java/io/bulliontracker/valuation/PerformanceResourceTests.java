package io.bulliontracker.valuation;

import static io.bulliontracker.testing.TestData.daysAgo;
import static io.bulliontracker.testing.TestData.price;
import static io.bulliontracker.testing.TestData.today;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.PgWireProxy;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class PerformanceResourceTests {

    private static ValidatableResponse performance(String user, Object days) {
        var request = Api.asUser(user);
        if (days != null) {
            request = request.queryParam("days", days);
        }
        return request.get("/api/coins/performance").then();
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @Test
    void performanceComparesLatestPriceWithPriceAtCutoff() {
        String user = TestData.newUser();
        String coin = TestData.coin("1909-S VDB Lincoln Cent");
        price(coin, "MS65", daysAgo(60), "2100.00", "2000.00");
        price(coin, "MS65", daysAgo(31), "2300.00", "2200.00");
        price(coin, "MS65", daysAgo(2), "2450.00", "2350.00");
        String item = TestData.item(user, coin, "MS65", "My VDB", "guide_price");

        performance(user, null).statusCode(200)
                .body("success", equalTo(true))
                .body("data.periodDays", equalTo(30))
                .body("data.coins", hasSize(1))
                .body("data.coins[0].id", equalTo(item))
                .body("data.coins[0].title", equalTo("My VDB"))
                .body("data.coins[0].grade", equalTo("MS65"))
                .body("data.coins[0].coinReferenceId", equalTo(coin))
                .body("data.coins[0].currentPrice", comparesEqualTo(dec("2450.00")))
                .body("data.coins[0].priceOneMonthAgo", comparesEqualTo(dec("2300.00")))
                .body("data.coins[0].change", comparesEqualTo(dec("150.00")))
                .body("data.coins[0].changePercent", comparesEqualTo(dec("6.52")))
                .body("data.coins[0].priceSource", equalTo("PCGS"))
                .body("data.bestPerformer.id", equalTo(item))
                .body("data.worstPerformer.id", equalTo(item));
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 30, 90})
    void rowExactlyOnTheCutoffIsTheHistoricalPrice(int days) {
        String user = TestData.newUser();
        String coin = TestData.coin("Cutoff coin");
        price(coin, "AU58", daysAgo(days + 1), "90.00", null);
        price(coin, "AU58", daysAgo(days), "100.00", null);
        price(coin, "AU58", daysAgo(days - 1), "500.00", null);
        price(coin, "AU58", today(), "120.00", null);
        TestData.item(user, coin, "AU58", "t", "custom");

        performance(user, days).statusCode(200)
                .body("data.periodDays", equalTo(days))
                .body("data.coins[0].currentPrice", comparesEqualTo(dec("120.00")))
                .body("data.coins[0].priceOneMonthAgo", comparesEqualTo(dec("100.00")))
                .body("data.coins[0].change", comparesEqualTo(dec("20.00")))
                .body("data.coins[0].changePercent", comparesEqualTo(dec("20.00")));
    }

    /**
     * The price at the cut-off is read in two steps (the week up to the cut-off for every key, then a probe
     * below that week for the keys it did not price): a row on either side of the week's edge, a row far
     * older, an unpriced row inside the week and no row old enough, all in one request, each to the cent.
     */
    @Test
    void priceAtTheCutoffIsFoundInsideAndBeyondTheWeekBeforeIt() {
        String user = TestData.newUser();
        int days = 30;
        // Inside the week: six days before the cut-off, the oldest day the week holds.
        String inWeek = TestData.coin("In the week");
        price(inWeek, "MS62", daysAgo(days + 40), "10.00", null);
        price(inWeek, "MS62", daysAgo(days + 6), "50.00", null);
        price(inWeek, "MS62", today(), "60.00", null);
        // Just outside: seven days before the cut-off, found by the probe.
        String edge = TestData.coin("At the edge");
        price(edge, "MS62", daysAgo(days + 7), "80.00", null);
        price(edge, "MS62", daysAgo(days - 3), "999.00", null);
        price(edge, "MS62", today(), "100.00", null);
        // Far older: a year before the cut-off, Greysheet only.
        String old = TestData.coin("A year older");
        price(old, "MS62", daysAgo(days + 365), null, "40.00");
        price(old, "MS62", today(), null, "30.00");
        // An unpriced row inside the week hides nothing: the older priced row answers.
        String unpriced = TestData.coin("Unpriced in the week");
        price(unpriced, "MS62", daysAgo(days + 20), "200.00", "190.00");
        price(unpriced, "MS62", daysAgo(days + 1), null, null);
        price(unpriced, "MS62", today(), "250.00", null);
        // Nothing on or before the cut-off: historical = current.
        String young = TestData.coin("Nothing old enough");
        price(young, "MS62", daysAgo(days - 1), "70.00", null);
        price(young, "MS62", today(), "77.00", null);
        String a = TestData.item(user, inWeek, "MS62", "a", "guide_price");
        String b = TestData.item(user, edge, "MS62", "b", "guide_price");
        String c = TestData.item(user, old, "MS62", "c", "guide_price");
        String d = TestData.item(user, unpriced, "MS62", "d", "guide_price");
        String e = TestData.item(user, young, "MS62", "e", "guide_price");

        // a 50 -> 60: +20.00 %; b 80 -> 100: +25.00 %; c 40 -> 30: -25.00 %; d 200 -> 250: +25.00 %;
        // e 77 -> 77: 0.00 %. Ties by id.
        List<String> twentyFive = b.compareTo(d) < 0 ? List.of(b, d) : List.of(d, b);
        performance(user, days).statusCode(200)
                .body("data.coins.id", contains(twentyFive.get(0), twentyFive.get(1), a, e, c))
                .body("data.coins.find { it.id == '" + a + "' }.priceOneMonthAgo", comparesEqualTo(dec("50.00")))
                .body("data.coins.find { it.id == '" + a + "' }.changePercent", comparesEqualTo(dec("20.00")))
                .body("data.coins.find { it.id == '" + b + "' }.priceOneMonthAgo", comparesEqualTo(dec("80.00")))
                .body("data.coins.find { it.id == '" + b + "' }.change", comparesEqualTo(dec("20.00")))
                .body("data.coins.find { it.id == '" + c + "' }.priceOneMonthAgo", comparesEqualTo(dec("40.00")))
                .body("data.coins.find { it.id == '" + c + "' }.changePercent", comparesEqualTo(dec("-25.00")))
                .body("data.coins.find { it.id == '" + c + "' }.priceSource", equalTo("GREYSHEET"))
                .body("data.coins.find { it.id == '" + d + "' }.priceOneMonthAgo", comparesEqualTo(dec("200.00")))
                .body("data.coins.find { it.id == '" + d + "' }.changePercent", comparesEqualTo(dec("25.00")))
                .body("data.coins.find { it.id == '" + e + "' }.priceOneMonthAgo", comparesEqualTo(dec("77.00")))
                .body("data.coins.find { it.id == '" + e + "' }.change", comparesEqualTo(dec("0.00")));
    }

    /**
     * More keys than PlannedPerCall.LARGE (so the statements are planned with their arrays and PostgreSQL
     * may join rather than probe), a third priced inside the week before the cut-off, a third only before
     * it, a third only after it: every historical price checked against the rule computed here.
     */
    @Test
    void priceAtTheCutoffForHundredsOfKeysOnBothPaths() {
        String user = TestData.newUser();
        int days = 30;
        int coins = 3 * 200 + 3;
        // Set-based: coin i is priced today at (1000 + i) cents and, by i mod 3, either in the week before
        // the cut-off at (500 + i) cents (beside an older row in the week and one before it, both lower),
        // or only before the week at (700 + i) cents, or only after the cut-off (historical = current).
        String prefix = "cut-" + user + "-";
        TestData.update("""
                INSERT INTO coin_references (id, pcgs_number, year, denomination, series, full_name)
                SELECT ? || i, ? + i, 1900, '1C', 'Mixed', 'Mixed ' || i FROM generate_series(0, ? - 1) AS i""",
                prefix, TestData.nextPcgsNumber() + 1_000_000, coins);
        TestData.update("""
                INSERT INTO price_guide (coin_reference_id, grade_code, price_date, pcgs_price, price_source)
                SELECT ? || i, 'AU58', ?::date - r.age, r.price, 'pcgs'
                FROM generate_series(0, ? - 1) AS i,
                     LATERAL (VALUES (0, (1000 + i) / 100.0, true),
                                     (? + i % 6, (500 + i) / 100.0, i % 3 = 0),
                                     (? + 6, 2.00, i % 3 = 0),
                                     (? + 7 + i % 5, 1.00, i % 3 = 0),
                                     (? + 7 + i % 50, (700 + i) / 100.0, i % 3 = 1),
                                     (? - 1 - i % 20, 3.00, i % 3 = 2)) AS r(age, price, wanted)
                WHERE r.wanted""", prefix, today(), coins, days, days, days, days, days);
        TestData.keepLatestPrices(prefix);
        TestData.update("""
                INSERT INTO collection_items (id, user_id, category, metal, book_value_type, coin_reference_id, grade, title)
                SELECT ? || 'item-' || i, ?, 'NUMISMATIC', 'copper', 'guide_price', ? || i, 'AU58', 'm' || i
                FROM generate_series(0, ? - 1) AS i""", prefix, user, prefix, coins);
        Map<String, BigDecimal> expectedThen = new HashMap<>();
        for (int i = 0; i < coins; i++) {
            BigDecimal then = switch (i % 3) {
                case 0 -> BigDecimal.valueOf(500 + i, 2);
                case 1 -> BigDecimal.valueOf(700 + i, 2);
                default -> BigDecimal.valueOf(1000 + i, 2);
            };
            expectedThen.put(prefix + "item-" + i, then);
        }

        List<Map<String, Object>> got = performance(user, days).statusCode(200)
                .body("data.coins", hasSize(coins)).extract().jsonPath().getList("data.coins");
        for (Map<String, Object> coin : got) {
            BigDecimal then = new BigDecimal(coin.get("priceOneMonthAgo").toString());
            assertEquals(0, expectedThen.get((String) coin.get("id")).compareTo(then), () -> "coin " + coin);
        }
    }

    @Test
    void performanceFallsBackToGreysheetWhenPcgsIsMissing() {
        String user = TestData.newUser();
        String coin = TestData.coin("Greysheet only");
        price(coin, "VF20", daysAgo(40), null, "80.00");
        price(coin, "VF20", daysAgo(1), null, "88.00");
        // A row with no price at all is ignored, even though it is the latest.
        price(coin, "VF20", today(), null, null);
        TestData.item(user, coin, "VF20", "g", "guide_price");

        performance(user, 30).statusCode(200)
                .body("data.coins[0].currentPrice", comparesEqualTo(dec("88.00")))
                .body("data.coins[0].priceOneMonthAgo", comparesEqualTo(dec("80.00")))
                .body("data.coins[0].changePercent", comparesEqualTo(dec("10.00")))
                .body("data.coins[0].priceSource", equalTo("GREYSHEET"));
    }

    @Test
    void historicalEqualsCurrentWhenNothingIsOldEnough() {
        String user = TestData.newUser();
        String coin = TestData.coin("Young coin");
        price(coin, "MS63", daysAgo(5), "40.00", null);
        price(coin, "MS63", daysAgo(1), "44.00", null);
        TestData.item(user, coin, "MS63", "y", "guide_price");

        performance(user, 30).statusCode(200)
                .body("data.coins[0].currentPrice", comparesEqualTo(dec("44.00")))
                .body("data.coins[0].priceOneMonthAgo", comparesEqualTo(dec("44.00")))
                .body("data.coins[0].change", comparesEqualTo(dec("0.00")))
                .body("data.coins[0].changePercent", comparesEqualTo(dec("0.00")));
    }

    @Test
    void percentIsRoundedHalfUpAfterFullPrecision() {
        String user = TestData.newUser();
        // 1/8 = 12.5% exactly; 0.01/0.03 = 33.333..%; 1.05/3 = 35% ; 0.005 rounding: 2.01/0.08 → 2512.5%
        String a = TestData.coin("A");
        price(a, "MS60", daysAgo(40), "8.00", null);
        price(a, "MS60", today(), "9.00", null);
        String b = TestData.coin("B");
        price(b, "MS60", daysAgo(40), "0.03", null);
        price(b, "MS60", today(), "0.04", null);
        String c = TestData.coin("C");
        price(c, "MS60", daysAgo(40), "0.08", null);
        price(c, "MS60", today(), "2.09", null);
        String ia = TestData.item(user, a, "MS60", "a", "guide_price");
        String ib = TestData.item(user, b, "MS60", "b", "guide_price");
        String ic = TestData.item(user, c, "MS60", "c", "guide_price");

        performance(user, 30).statusCode(200)
                .body("data.coins.id", contains(ic, ib, ia))
                .body("data.coins[0].changePercent", comparesEqualTo(dec("2512.50")))
                .body("data.coins[1].changePercent", comparesEqualTo(dec("33.33")))
                .body("data.coins[2].changePercent", comparesEqualTo(dec("12.50")))
                .body("data.bestPerformer.id", equalTo(ic))
                .body("data.worstPerformer.id", equalTo(ia));
    }

    @Test
    void zeroHistoricalPriceGivesZeroPercent() {
        String user = TestData.newUser();
        String coin = TestData.coin("Free then");
        price(coin, "G04", daysAgo(40), "0.00", null);
        price(coin, "G04", today(), "5.00", null);
        TestData.item(user, coin, "G04", "z", "guide_price");

        performance(user, 30).statusCode(200)
                .body("data.coins[0].change", comparesEqualTo(dec("5.00")))
                .body("data.coins[0].changePercent", comparesEqualTo(dec("0.00")));
    }

    @Test
    void ordersByPercentDescendingThenIdAscending() {
        String user = TestData.newUser();
        String up = TestData.coin("Up");
        price(up, "MS64", daysAgo(40), "100.00", null);
        price(up, "MS64", today(), "110.00", null);
        String down = TestData.coin("Down");
        price(down, "MS64", daysAgo(40), "100.00", null);
        price(down, "MS64", today(), "90.00", null);
        // Same coin and grade in three items: equal percent, so id decides ("b-…" < "c-…" < "d-…").
        String c = TestData.item(user, "c-" + user, "NUMISMATIC", up, "MS64", "c", "custom");
        String b = TestData.item(user, "b-" + user, "NUMISMATIC", up, "MS64", "b", "custom");
        String d = TestData.item(user, "d-" + user, "NUMISMATIC", down, "MS64", "d", "custom");
        String a = TestData.item(user, "a-" + user, "NUMISMATIC", down, "MS64", "a", "custom");

        performance(user, 30).statusCode(200)
                .body("data.coins.id", contains(b, c, a, d))
                .body("data.coins.changePercent", contains(comparesEqualTo(dec("10.00")), comparesEqualTo(dec("10.00")),
                        comparesEqualTo(dec("-10.00")), comparesEqualTo(dec("-10.00"))))
                .body("data.bestPerformer.id", equalTo(b))
                .body("data.worstPerformer.id", equalTo(d));
    }

    @Test
    void estimatedGradeUsesThePlainGradesPricesAndIsShownAsStored() {
        String user = TestData.newUser();
        String coin = TestData.coin("Estimated");
        price(coin, "MS65", daysAgo(40), "200.00", null);
        price(coin, "MS65", today(), "250.00", null);
        String item = TestData.item(user, coin, "~MS65", "est", "guide_price");

        performance(user, 30).statusCode(200)
                .body("data.coins[0].id", equalTo(item))
                .body("data.coins[0].grade", equalTo("~MS65"))
                .body("data.coins[0].currentPrice", comparesEqualTo(dec("250.00")))
                .body("data.coins[0].changePercent", comparesEqualTo(dec("25.00")));
    }

    @Test
    void titleFallsBackToCoinNameThenUnknownCoin() {
        String user = TestData.newUser();
        String named = TestData.coin("1916-D Mercury Dime");
        price(named, "F12", today(), "1500.00", null);
        String blankName = TestData.coin(" ");
        price(blankName, "F12", today(), "10.00", null);
        String untitled = TestData.item(user, "a-" + user, "NUMISMATIC", named, "F12", "   ", "custom");
        String nullTitle = TestData.item(user, "b-" + user, "NUMISMATIC", named, "F12", null, "custom");
        String unknown = TestData.item(user, "c-" + user, "NUMISMATIC", blankName, "F12", null, "custom");

        performance(user, 30).statusCode(200)
                .body("data.coins.id", contains(untitled, nullTitle, unknown))
                .body("data.coins.title", contains("1916-D Mercury Dime", "1916-D Mercury Dime", "Unknown Coin"));
    }

    @Test
    void onlyTheCallersPricedNumismaticGradedItemsCount() {
        String user = TestData.newUser();
        String other = TestData.newUser();
        String coin = TestData.coin("Shared");
        price(coin, "MS62", today(), "30.00", null);
        String unpriced = TestData.coin("No prices");
        String mine = TestData.item(user, coin, "MS62", "mine", "guide_price");
        TestData.item(other, coin, "MS62", "theirs", "guide_price");
        TestData.item(user, "bullion-" + user, "BULLION", coin, "MS62", "bullion", "spot_premium");
        TestData.item(user, "nograde-" + user, "NUMISMATIC", coin, null, "no grade", "custom");
        TestData.item(user, "nocoin-" + user, "NUMISMATIC", null, "MS62", "no coin", "custom");
        TestData.item(user, unpriced, "MS62", "no price", "guide_price");

        performance(user, 30).statusCode(200)
                .body("data.coins.id", contains(mine));
    }

    @Test
    void noCoinsGivesNullPerformers() {
        performance(TestData.newUser(), 30).statusCode(200)
                .body("data.coins", hasSize(0))
                .body("data.bestPerformer", nullValue())
                .body("data.worstPerformer", nullValue())
                .body("data.periodDays", equalTo(30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "3651", "-1", "abc", "1.5", "1e3", "+5", "99999999999"})
    void daysOutsideOneTo3650IsRefused(String days) {
        performance(TestData.newUser(), days).statusCode(400)
                .body("success", equalTo(false))
                .body("error", equalTo("Invalid days: must be an integer from 1 to 3650"))
                .body("details.field", equalTo("days"));
    }

    @Test
    void emptyDaysMeansTheDefaultPeriod() {
        performance(TestData.newUser(), "").statusCode(200).body("data.periodDays", equalTo(30));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3650})
    void daysBoundsAreAccepted(int days) {
        performance(TestData.newUser(), days).statusCode(200).body("data.periodDays", equalTo(days));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 500})
    void usesFourStatementsWhateverTheCollectionSize(int items) {
        String user = TestData.newUser();
        TestData.pricedCollection(user, items, "MS64");
        PgWireProxy proxy = PgWireProxy.current();
        proxy.resetStatements();

        performance(user, 30).statusCode(200).body("data.coins", hasSize(items));

        List<String> statements = proxy.statements();
        assertEquals(4, statements.size(), () -> "statements: " + statements);
        // Items, current prices (joined from the latest table), prices at the cut-off (the week before it, then probes),
        // coin names.
        // The last three run concurrently, so in any order.
        assertEquals(Set.of(PerformanceService.NUMISMATIC_ITEMS, LatestPriceQueries.CURRENT_PRICE_PER_KEY,
                LatestPriceQueries.LATEST_PRICE_PER_KEY, PerformanceService.COIN_NAMES), Set.copyOf(statements));
    }
}
