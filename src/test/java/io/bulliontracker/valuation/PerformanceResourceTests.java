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
import java.util.List;
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
        // Items, current prices (joined from the latest table), prices at the cut-off (probed in the history),
        // coin names.
        // The last three run concurrently, so in any order.
        assertEquals(Set.of(PerformanceService.NUMISMATIC_ITEMS, LatestPriceQueries.CURRENT_PRICE_PER_KEY,
                LatestPriceQueries.LATEST_PRICE_PER_KEY, PerformanceService.COIN_NAMES), Set.copyOf(statements));
    }
}
