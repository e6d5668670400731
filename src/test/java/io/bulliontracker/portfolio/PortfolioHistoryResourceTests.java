package io.bulliontracker.portfolio;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.spot.SpotRows;
import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.PgWireProxy;
import io.bulliontracker.testing.ResponseChecks;
import io.bulliontracker.testing.TestData;
import io.bulliontracker.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /api/portfolio/history} against collections whose every figure is worked out by hand.
 * Spot prices are market-wide: each test starts from an empty table and writes the rows it reasons about.
 */
@QuarkusTest
class PortfolioHistoryResourceTests {

    private static final String ROUTE = "/api/portfolio/history";

    @BeforeEach
    void noSpotPrices() {
        SpotRows.clear();
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static ValidatableResponse history(String user, String query) {
        RequestSpecification request = Api.asUser(user);
        return request.get(ROUTE + query).then().log().ifValidationFails().statusCode(200).body("success", equalTo(true));
    }

    private static void spot(String metal, String observedAt, String price) {
        SpotRows.add(metal, Instant.parse(observedAt), price);
    }

    private static String bought(String itemId, String date) {
        TestData.update("UPDATE collection_items SET purchase_date = ?::date WHERE id = ?", date, itemId);
        return itemId;
    }

    private static String created(String itemId, String timestamp) {
        TestData.update("UPDATE collection_items SET created_at = ?::timestamptz WHERE id = ?", timestamp, itemId);
        return itemId;
    }

    private static void guideRow(String itemId, String date, String value) {
        TestData.update("INSERT INTO item_value_history (item_id, price_date, value, value_type, source) "
                + "VALUES (?, ?::date, ?::numeric, 'guide_price', 'pcgs')", itemId, date, value);
    }

    private static long epochMillis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** One point: its date and, to the cent, melt, bullion, numismatic, book (= total) and cost. */
    private static void assertPoint(ValidatableResponse response, int index, String date, String melt, String bullion,
            String numismatic, String book, String cost) {
        String at = "data[" + index + "].";
        response.body(at + "date", equalTo(date))
                .body(at + "timestamp", equalTo(epochMillis(LocalDate.parse(date))))
                .body(at + "meltValue", comparesEqualTo(dec(melt)))
                .body(at + "bullionValue", comparesEqualTo(dec(bullion)))
                .body(at + "numismaticValue", comparesEqualTo(dec(numismatic)))
                .body(at + "bookValue", comparesEqualTo(dec(book)))
                .body(at + "totalValue", comparesEqualTo(dec(book)))
                .body(at + "costBasis", comparesEqualTo(dec(cost)));
    }

    /** Someone else's gold and guide history, bought long ago, which no other caller may see counted. */
    private static void someoneElsesItems() {
        String other = TestData.newUser();
        String gold = bought(Holding.bullion(other, "gold", "spot_premium", "100").purchasePrice("1.00").insert(),
                "2024-01-01");
        String guide = bought(Holding.numismatic(other, "silver", "guide_price").guideValue("5000").insert(), "2024-01-01");
        guideRow(guide, "2025-03-03", "7000");
        guideRow(gold, "2025-03-03", "7000");
    }

    /**
     * Spot with gaps: gold 2000.00 (02-27), 2100.00 then 2110.00 on 03-03 (the later counts), 2050.00 at
     * 03-06 23:59:59 (still 03-06), 2200.00 at 03-08 00:00 (03-08, not 03-07); silver 25.00 from 03-02,
     * 30.00 from 03-05; platinum none before 03-04, then 1000.00; palladium never.
     *
     * Items, with oz = fine ounces, held from (purchase date, else UTC creation date):
     * A bullion gold 1 oz × 2, premium 5 %, from 03-01, bought 4000.00.
     * B bullion silver 10 oz, no premium, from 03-03, spot at creation 20.00: cost 200.
     * C numismatic gold 0.9675 oz, guide, from 02-15, bought 2000.00; value rows 02-20 2300.00,
     *   03-04 2400.00, 03-07 2450.00, 03-20 2600.00 (after the range), current value 2600.00.
     * D numismatic silver Morgan × 4, 0.8594 oz at 0.9 (3.09384 oz), guide 55.50 without value rows,
     *   no purchase date, created 03-05 23:30 UTC: from 03-05; cost unknown.
     * E numismatic copper custom 125.00, from 03-06, bought 100.00 (its value rows are not guide values).
     * F bullion platinum 0.5 oz, premium 2 %, from 03-02, cost unknown: melts to 0 until platinum has a row.
     * G bullion gold custom 999.00 from 03-09: after the range, never counted.
     * H bullion palladium 1 oz, premium 10 %, from 03-01, bought 1500.00: no spot row ever, melt 0.
     */
    private static String collectionBoughtOverTime() {
        spot("gold", "2025-02-27T15:00:00Z", "2000.00");
        spot("gold", "2025-03-03T10:00:00Z", "2100.00");
        spot("gold", "2025-03-03T20:00:00Z", "2110.00");
        spot("gold", "2025-03-06T23:59:59Z", "2050.00");
        spot("gold", "2025-03-08T00:00:00Z", "2200.00");
        spot("silver", "2025-03-02T12:00:00Z", "25.00");
        spot("silver", "2025-03-05T12:00:00Z", "30.00");
        spot("platinum", "2025-03-04T00:00:00Z", "1000.00");
        String user = TestData.newUser();
        bought(Holding.bullion(user, "gold", "spot_premium", "1").quantity(2).premiumPercent("5").purchasePrice("4000.00")
                .insert(), "2025-03-01");
        bought(Holding.bullion(user, "silver", "spot_premium", "10").spotPriceAtCreation("20.00").insert(), "2025-03-03");
        String c = bought(Holding.numismatic(user, "gold", "guide_price").preciousMetalOz("0.9675").guideValue("2600.00")
                .purchasePrice("2000.00").insert(), "2025-02-15");
        guideRow(c, "2025-02-20", "2300.00");
        guideRow(c, "2025-03-04", "2400.00");
        guideRow(c, "2025-03-07", "2450.00");
        guideRow(c, "2025-03-20", "2600.00");
        created(Holding.numismatic(user, "silver", "guide_price").quantity(4).metalWeight("0.8594", "0.9")
                .guideValue("55.50").insert(), "2025-03-05T23:30:00Z");
        String e = bought(Holding.numismatic(user, "copper", "custom").customValue("125.00").purchasePrice("100.00")
                .insert(), "2025-03-06");
        guideRow(e, "2025-03-06", "1.00");
        bought(Holding.bullion(user, "platinum", "spot_premium", "0.5").premiumPercent("2").insert(), "2025-03-02");
        bought(Holding.bullion(user, "gold", "custom", "1").customValue("999.00").insert(), "2025-03-09");
        bought(Holding.bullion(user, "palladium", "spot_premium", "1").premiumPercent("10").purchasePrice("1500.00")
                .insert(), "2025-03-01");
        return user;
    }

    @Test
    void aCollectionBoughtOverTimeIsValuedAtEachDateWithThatDatesSpotAndGuideValues() {
        someoneElsesItems();
        String user = collectionBoughtOverTime();

        ValidatableResponse response = history(user, "?startDate=2025-03-01&endDate=2025-03-08").body("data", hasSize(8))
                .body("data[0].timestamp", equalTo(1740787200000L))
                .body("data[7].timestamp", equalTo(1741392000000L));
        // 03-01: A melt 2 × 2000 = 4000, book 4200; C melt 0.9675 × 2000 = 1935, guide 2300 (row of 02-20);
        // H 0. Cost A 4000 + C 2000 + H 1500.
        assertPoint(response, 0, "2025-03-01", "5935.00", "4200.00", "2300.00", "6500.00", "7500.00");
        // 03-02: F arrives, but platinum has no row yet; silver has, but nobody holds silver.
        assertPoint(response, 1, "2025-03-02", "5935.00", "4200.00", "2300.00", "6500.00", "7500.00");
        // 03-03: gold 2110 (the later row of the day): A 4220 / 4431, C melt 2041.425; B arrives: 10 × 25 = 250.
        // Melt 4220 + 2041.425 + 250 = 6511.425, half-up 6511.43. Cost + B 200.
        assertPoint(response, 2, "2025-03-03", "6511.43", "4681.00", "2300.00", "6981.00", "7700.00");
        // 03-04: platinum 1000: F melt 500, book 510; C's guide 2400.
        assertPoint(response, 3, "2025-03-04", "7011.43", "5191.00", "2400.00", "7591.00", "7700.00");
        // 03-05: silver 30: B 300; D arrives (created 23:30 UTC): melt 3.09384 × 30 = 92.8152, book 55.50 × 4 = 222.
        // Melt 4220 + 2041.425 + 500 + 300 + 92.8152 = 7154.2402.
        assertPoint(response, 4, "2025-03-05", "7154.24", "5241.00", "2622.00", "7863.00", "7700.00");
        // 03-06: gold 2050 (23:59:59): A 4100 / 4305, C melt 1983.375; E arrives: book 125, cost 100.
        // Melt 4100 + 1983.375 + 500 + 300 + 92.8152 = 6976.1902.
        assertPoint(response, 5, "2025-03-06", "6976.19", "5115.00", "2747.00", "7862.00", "7800.00");
        // 03-07: no new spot row (gold's 03-08 00:00 row is not before the end of 03-07); C's guide 2450.
        assertPoint(response, 6, "2025-03-07", "6976.19", "5115.00", "2797.00", "7912.00", "7800.00");
        // 03-08: gold 2200: A 4400 / 4620, C melt 2128.5. Melt 4400 + 2128.5 + 500 + 300 + 92.8152 = 7421.3152.
        // G (bought 03-09) is not held yet.
        assertPoint(response, 7, "2025-03-08", "7421.32", "5430.00", "2797.00", "8227.00", "7800.00");
    }

    @Test
    void guideValuesFollowTheLatestRowOnOrBeforeEachDateEvenRowsOlderThanTheItem() {
        String user = TestData.newUser();
        // Acquired 03-04 with rows from before then: its value there is the 03-02 row (90), then 95 from 03-05,
        // then 92 from 03-07. Three pieces, so 270, 285, 276.
        String early = bought(Holding.numismatic(user, "silver", "guide_price").quantity(3).guideValue("100.00").insert(),
                "2025-03-04");
        guideRow(early, "2025-02-25", "80.00");
        guideRow(early, "2025-03-02", "90.00");
        guideRow(early, "2025-03-05", "95.00");
        guideRow(early, "2025-03-06", "95.00");
        guideRow(early, "2025-03-07", "92.00");
        // No rows at all: the current value, 33.33 × 2 = 66.66, from the start.
        bought(Holding.numismatic(user, "gold", "guide_price").quantity(2).guideValue("33.33").insert(), "2025-01-01");
        // Neither rows nor a value: 0.
        bought(Holding.numismatic(user, "gold", "guide_price").insert(), "2025-01-01");
        // Its only row is after the range: until then the current value (10.01) counts.
        String later = bought(Holding.numismatic(user, "gold", "guide_price").guideValue("10.01").insert(), "2025-01-01");
        guideRow(later, "2025-04-01", "20.00");

        ValidatableResponse response = history(user, "?startDate=2025-03-03&endDate=2025-03-07").body("data", hasSize(5));
        assertPoint(response, 0, "2025-03-03", "0.00", "0.00", "76.67", "76.67", "0.00");
        assertPoint(response, 1, "2025-03-04", "0.00", "0.00", "346.67", "346.67", "0.00");
        assertPoint(response, 2, "2025-03-05", "0.00", "0.00", "361.67", "361.67", "0.00");
        assertPoint(response, 3, "2025-03-06", "0.00", "0.00", "361.67", "361.67", "0.00");
        assertPoint(response, 4, "2025-03-07", "0.00", "0.00", "352.67", "352.67", "0.00");
    }

    @Test
    void anItemWithoutPurchaseDateIsHeldFromTheUtcDateItWasCreated() {
        String user = TestData.newUser();
        spot("gold", "2025-03-01T00:00:00Z", "2000.00");
        // Local dates are not UTC dates: created on 03-06 in Sydney (03-05 23:30 UTC) and on 03-05 in New York
        // (03-06 00:30 UTC). The UTC date counts.
        created(Holding.bullion(user, "gold", "custom", "1").customValue("50.00").insert(), "2025-03-06T10:30:00+11:00");
        created(Holding.bullion(user, "gold", "custom", "1").customValue("7.00").insert(), "2025-03-05T19:30:00-05:00");

        ValidatableResponse response = history(user, "?startDate=2025-03-04&endDate=2025-03-06").body("data", hasSize(3));
        assertPoint(response, 0, "2025-03-04", "0.00", "0.00", "0.00", "0.00", "0.00");
        assertPoint(response, 1, "2025-03-05", "2000.00", "50.00", "0.00", "50.00", "0.00");
        assertPoint(response, 2, "2025-03-06", "4000.00", "57.00", "0.00", "57.00", "0.00");
    }

    @Test
    void anEmptyCollectionIsZeroAtEveryPointWhateverOthersHold() {
        someoneElsesItems();
        spot("gold", "2025-02-27T15:00:00Z", "2000.00");
        ValidatableResponse response = history(TestData.newUser(), "?startDate=2025-03-01&endDate=2025-03-04")
                .body("data", hasSize(4));
        for (int i = 0; i < 4; i++) {
            assertPoint(response, i, LocalDate.of(2025, 3, 1 + i).toString(), "0.00", "0.00", "0.00", "0.00", "0.00");
        }
    }

    /** span, points, the second point and the one before the end (days before today). */
    @ParameterizedTest(name = "days={0}")
    @CsvSource({"7, 8, 6, 1", "30, 31, 29, 1", "90, 31, 87, 3", "365, 123, 362, 2", "1825, 262, 1818, 5"})
    void daysSpansHaveTheirStepAndEndToday(int days, int points, int second, int beforeEnd) {
        LocalDate today = TestData.today();
        history(TestData.newUser(), "?days=" + days)
                .body("data", hasSize(points))
                .body("data[0].date", equalTo(today.minusDays(days).toString()))
                .body("data[1].date", equalTo(today.minusDays(second).toString()))
                .body("data[" + (points - 2) + "].date", equalTo(today.minusDays(beforeEnd).toString()))
                .body("data[" + (points - 1) + "].date", equalTo(today.toString()))
                .body("data[" + (points - 1) + "].timestamp", equalTo(epochMillis(today)));
    }

    @Test
    void withoutParametersTheLastThirtyDays() {
        LocalDate today = TestData.today();
        history(TestData.newUser(), "").body("data", hasSize(31))
                .body("data[0].date", equalTo(today.minusDays(30).toString()))
                .body("data[30].date", equalTo(today.toString()));
    }

    @Test
    void datesWinOverDaysAndEndDateDefaultsToToday() {
        LocalDate today = TestData.today();
        history(TestData.newUser(), "?days=7&startDate=2025-01-01&endDate=2025-02-01").body("data", hasSize(12))
                .body("data[0].date", equalTo("2025-01-01"))
                .body("data[11].date", equalTo("2025-02-01"));
        history(TestData.newUser(), "?startDate=" + today.minusDays(3)).body("data", hasSize(4))
                .body("data[0].date", equalTo(today.minusDays(3).toString()))
                .body("data[3].date", equalTo(today.toString()));
        history(TestData.newUser(), "?startDate=2025-01-01&endDate=2025-01-01").body("data", hasSize(1))
                .body("data[0].date", equalTo("2025-01-01"));
        // Exactly ten years (3,653 days with the leap days): weekly points, then the end.
        history(TestData.newUser(), "?startDate=2015-01-01&endDate=2025-01-01").body("data", hasSize(523))
                .body("data[1].date", equalTo("2015-01-08"))
                .body("data[521].date", equalTo("2024-12-26"))
                .body("data[522].date", equalTo("2025-01-01"));
    }

    /** The items valued today over the last 30 days: a gold coin bought 10 days ago, 1 oz at 2500.00. */
    @Test
    void daysCountBackFromTodayAndItemsAppearOnTheirPurchaseDate() {
        LocalDate today = TestData.today();
        SpotRows.add("gold", today.minusDays(40).atStartOfDay(ZoneOffset.UTC).toInstant(), "2500.00");
        String user = TestData.newUser();
        bought(Holding.bullion(user, "gold", "spot_premium", "1").premiumPercent("4").purchasePrice("2400.00").insert(),
                today.minusDays(10).toString());

        ValidatableResponse response = history(user, "?days=30").body("data", hasSize(31));
        assertPoint(response, 19, today.minusDays(11).toString(), "0.00", "0.00", "0.00", "0.00", "0.00");
        assertPoint(response, 20, today.minusDays(10).toString(), "2500.00", "2600.00", "0.00", "2600.00", "2400.00");
        assertPoint(response, 30, today.toString(), "2500.00", "2600.00", "0.00", "2600.00", "2400.00");
    }

    /**
     * W05: the web chart asks for {@code ?days=30} and for {@code ?startDate=2025-01-01&endDate=2025-02-01},
     * and reads date, meltValue, bookValue, bullionValue, numismaticValue, totalValue, timestamp. A gold
     * eagle (1 oz, premium 3 %) held since December and a custom coin bought 01-20; gold 2600.00 until the
     * 2700.00 row of 01-15.
     */
    @Test
    void replaysTheWebClientsHistoryCalls() {
        spot("gold", "2024-12-31T21:00:00Z", "2600.00");
        spot("gold", "2025-01-15T09:00:00Z", "2700.00");
        String user = TestData.newUser();
        bought(Holding.bullion(user, "gold", "spot_premium", "1").premiumPercent("3").insert(), "2024-12-01");
        bought(Holding.numismatic(user, "copper", "custom").customValue("40.00").insert(), "2025-01-20");

        ValidatableResponse january = history(user, "?startDate=2025-01-01&endDate=2025-02-01").body("data", hasSize(12))
                .body("data.date", equalTo(List.of("2025-01-01", "2025-01-04", "2025-01-07", "2025-01-10", "2025-01-13",
                        "2025-01-16", "2025-01-19", "2025-01-22", "2025-01-25", "2025-01-28", "2025-01-31", "2025-02-01")))
                .body("data[0].timestamp", equalTo(1735689600000L))
                .body("data[11].timestamp", equalTo(1738368000000L));
        // 2600 × 1.03 = 2678; 2700 × 1.03 = 2781; + 40 from 01-20.
        assertPoint(january, 0, "2025-01-01", "2600.00", "2678.00", "0.00", "2678.00", "0.00");
        assertPoint(january, 4, "2025-01-13", "2600.00", "2678.00", "0.00", "2678.00", "0.00");
        assertPoint(january, 5, "2025-01-16", "2700.00", "2781.00", "0.00", "2781.00", "0.00");
        assertPoint(january, 6, "2025-01-19", "2700.00", "2781.00", "0.00", "2781.00", "0.00");
        assertPoint(january, 7, "2025-01-22", "2700.00", "2781.00", "40.00", "2821.00", "0.00");
        assertPoint(january, 11, "2025-02-01", "2700.00", "2781.00", "40.00", "2821.00", "0.00");

        LocalDate today = TestData.today();
        history(user, "?days=30").body("data", hasSize(31))
                .body("data[30].date", equalTo(today.toString()))
                .body("data[30].timestamp", equalTo(epochMillis(today)))
                .body("data[30].meltValue", comparesEqualTo(dec("2700.00")))
                .body("data[30].bookValue", comparesEqualTo(dec("2821.00")))
                .body("data[30].totalValue", comparesEqualTo(dec("2821.00")))
                .body("data[30].bullionValue", comparesEqualTo(dec("2781.00")))
                .body("data[30].numismaticValue", comparesEqualTo(dec("40.00")));
    }

    /** M17: the mobile client sends Content-Type: application/json on GET and reads data[].totalValue and date. */
    @Test
    void replaysTheMobileClientsHistoryCall() {
        spot("silver", "2020-01-01T00:00:00Z", "30.00");
        String user = TestData.newUser();
        bought(Holding.bullion(user, "silver", "custom", "100").customValue("3500.50").insert(), "2020-01-01");
        LocalDate today = TestData.today();
        Api.asUser(user).contentType("application/json").accept("application/json").get(ROUTE + "?days=30").then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data", hasSize(31))
                .body("data[0].date", equalTo(today.minusDays(30).toString()))
                .body("data[0].totalValue", comparesEqualTo(dec("3500.50")))
                .body("data[30].date", equalTo(today.toString()))
                .body("data[30].totalValue", comparesEqualTo(dec("3500.50")));
    }

    /** Values Bean Validation refuses: the same 400 on every branch of this service. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "?days=0|days|must be an integer from 1 to 3650",
        "?days=3651|days|must be an integer from 1 to 3650",
        "?days=-5|days|must be an integer from 1 to 3650",
        "?endDate=2025-02-01|startDate|is required with endDate",
        "?startDate=2025-02-02&endDate=2025-02-01|endDate|must not be before startDate",
        "?startDate=2014-12-31&endDate=2025-01-01|startDate|the range may span at most 10 years",
        "?startDate=2000-01-01|startDate|the range may span at most 10 years",
        "?startDate=0000-01-01&endDate=0001-01-01|startDate|must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31"})
    void refusedRangesAre400sThatNameTheParameterAndReachNoDatabase(String query, String field, String reason) {
        PgWireProxy proxy = PgWireProxy.current();
        proxy.resetStatements();
        String body = Api.asUser(TestData.newUser()).get(ROUTE + query).then().log().ifValidationFails()
                .statusCode(400)
                .body("success", equalTo(false))
                .body("error", not(nullValue()))
                .body("details.field", equalTo(field))
                .body("details.reason", equalTo(reason))
                .extract().asString();
        ResponseChecks.assertLeaksNothing(body);
        assertEquals(List.of(), proxy.statements());
    }

    /**
     * Values that are not a number or a date, and the messages of Bean Validation, become the contract's
     * "Invalid <name>: <reason>" 400 through common/QueryParamConverters and the error mapping of main
     * (f617873). This branch starts before that commit, where JAX-RS answers such values with a 404, so
     * these run once the branches are merged.
     */
    @ParameterizedTest(name = "{0}")
    @EnabledIf("typedQueryParametersAnswer400")
    @CsvSource(delimiter = '|', value = {
        "?days=abc|days|must be an integer from 1 to 3650",
        "?days=1.5|days|must be an integer from 1 to 3650",
        "?days=1e3|days|must be an integer from 1 to 3650",
        "?days=0|days|must be an integer from 1 to 3650",
        "?startDate=2025-13-01|startDate|must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31",
        "?startDate=2025/01/01&endDate=2025-02-01|startDate|must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31",
        "?startDate=2025-01-01&endDate=tomorrow|endDate|must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31",
        "?startDate=+10000-01-01&endDate=+10000-02-01|startDate|must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31"})
    void malformedParametersAre400sThatNameThem(String query, String field, String reason) {
        PgWireProxy proxy = PgWireProxy.current();
        proxy.resetStatements();
        Api.asUser(TestData.newUser()).get(ROUTE + query).then().log().ifValidationFails()
                .statusCode(400)
                .body("success", equalTo(false))
                .body("error", equalTo("Invalid " + field + ": " + reason))
                .body("details.field", equalTo(field))
                .body("details.reason", equalTo(reason));
        assertEquals(List.of(), proxy.statements());
    }

    /** An empty {@code ?days=} counts as absent on main, as every empty optional parameter does there. */
    @Test
    @EnabledIf("typedQueryParametersAnswer400")
    void anEmptyDaysIsTheDefault() {
        history(TestData.newUser(), "?days=").body("data", hasSize(31));
    }

    static boolean typedQueryParametersAnswer400() {
        return PortfolioHistoryResourceTests.class.getClassLoader()
                .getResource("io/bulliontracker/common/QueryParamConverters.class") != null;
    }

    @Test
    void aStartDateAfterTodayNeedsAnEndDate() {
        LocalDate today = TestData.today();
        Api.asUser(TestData.newUser()).get(ROUTE + "?startDate=" + today.plusDays(1)).then().statusCode(400)
                .body("error", equalTo("Invalid startDate: must not be after today (the default endDate)"));
        // A client whose local date is ahead of UTC may ask for its today: valued with what is known now.
        history(TestData.newUser(), "?startDate=" + today + "&endDate=" + today.plusDays(1)).body("data", hasSize(2))
                .body("data[1].date", equalTo(today.plusDays(1).toString()));
    }

    @Test
    void needsAValidToken() {
        for (String bearer : new String[] {null, Tokens.expired("u"), Tokens.wrongIssuer("u"), Tokens.tampered("u"),
                Tokens.unsigned("u"), "Bearer not.a.jwt"}) {
            RequestSpecification request = bearer == null ? Api.anonymous() : Api.as(bearer);
            String body = request.get(ROUTE + "?days=30").then().statusCode(401).body("success", equalTo(false))
                    .body("error", not(nullValue())).extract().asString();
            ResponseChecks.assertLeaksNothing(body);
        }
    }

    /** Items 5 and 500, spans daily, every third day and weekly: one statement every time. */
    @ParameterizedTest(name = "{0} items, days={1}")
    @CsvSource({"5, 7, 8", "5, 90, 31", "5, 1825, 262", "500, 7, 8", "500, 90, 31", "500, 1825, 262"})
    void oneStatementWhateverTheItemsAndTheSpan(int items, int days, int points) {
        String user = TestData.newUser();
        mixedCollectionBoughtOverTime(user, items);
        PgWireProxy proxy = PgWireProxy.current();
        proxy.resetStatements();
        history(user, "?days=" + days).body("data", hasSize(points));
        List<String> statements = proxy.statements();
        assertEquals(1, statements.size(), () -> String.valueOf(statements));
    }

    /**
     * A large mixed collection (all metals, categories, valuation types, quantities, purchase dates spread
     * over 200 days, daily guide rows that change every 9 days, spot rows every 20 hours) gives, at every
     * point, exactly what valuing each item on its own gives: a direct item-by-item query written here
     * with the contract's formulas, rounded half-up by PostgreSQL.
     */
    @ParameterizedTest(name = "days={0}")
    @CsvSource({"30", "200", "400"})
    void matchesAnItemByItemValuationOfALargeCollection(int days) {
        String user = TestData.newUser();
        mixedCollectionBoughtOverTime(user, 400);
        // Every 20 hours over 420 days; silver 3 hours later; platinum only until 100 days ago.
        TestData.update("""
                INSERT INTO spot_prices (metal, observed_at, price_per_oz, source)
                SELECT 'gold', now() - make_interval(hours => h), 2000 + h * 0.07, 'test' FROM generate_series(0, 10080, 20) AS h
                UNION ALL
                SELECT 'silver', now() - make_interval(hours => h + 3), 25 + h % 311 * 0.01, 'test' FROM generate_series(0, 10080, 20) AS h
                UNION ALL
                SELECT 'platinum', now() - make_interval(hours => h), 950 + h % 97 * 0.01, 'test' FROM generate_series(2400, 10080, 20) AS h""");

        ValidatableResponse response = history(user, "?days=" + days);
        LocalDate start = TestData.today().minusDays(days);
        List<List<Object>> expected = TestData.rows(ITEM_BY_ITEM, start, days, days <= 30 ? 1 : days <= 365 ? 3 : 7,
                start, days, user);
        response.body("data", hasSize(expected.size()));
        for (int i = 0; i < expected.size(); i++) {
            List<Object> row = expected.get(i);
            String at = "data[" + i + "].";
            response.body(at + "date", equalTo(row.get(0).toString()))
                    .body(at + "meltValue", comparesEqualTo((BigDecimal) row.get(1)))
                    .body(at + "bookValue", comparesEqualTo((BigDecimal) row.get(2)))
                    .body(at + "bullionValue", comparesEqualTo((BigDecimal) row.get(3)))
                    .body(at + "numismaticValue", comparesEqualTo((BigDecimal) row.get(4)))
                    .body(at + "costBasis", comparesEqualTo((BigDecimal) row.get(5)));
        }
        // The figures move: items arrive over time and prices change.
        assertNotEquals(row(expected, 0), row(expected, expected.size() - 1));
    }

    private static List<Object> row(List<List<Object>> rows, int index) {
        return rows.get(index).subList(1, 6);
    }

    /**
     * {@code n} items cycling through both categories, all five metals, the three valuation types,
     * quantities 1..3, the three ways to state metal content, with and without premium, purchase price and
     * spot price at creation; bought over the last 200 days (three in four have a purchase date, the rest
     * count from their creation). Guide items (but one in eight) have a daily value row over the last 250
     * days whose value changes every 9 days.
     */
    private static void mixedCollectionBoughtOverTime(String user, int n) {
        TestData.update("""
                INSERT INTO collection_items (id, user_id, category, type, metal, quantity, weight_oz, precious_metal_oz,
                                              metal_weight_oz, metal_purity, book_value_type, numismatic_value,
                                              custom_book_value, premium_percent, purchase_price, spot_price_at_creation,
                                              purchase_date, created_at)
                SELECT ? || '-item-' || lpad(g::text, 6, '0'), ?,
                       CASE WHEN g % 2 = 0 THEN 'BULLION' ELSE 'NUMISMATIC' END,
                       CASE WHEN g % 2 = 0 THEN 'bulk' END,
                       (ARRAY['gold', 'silver', 'platinum', 'palladium', 'copper'])[1 + g % 5],
                       1 + g % 3,
                       CASE WHEN g % 2 = 0 THEN 1.5 END,
                       CASE WHEN g % 4 = 1 THEN 0.77344 END,
                       CASE WHEN g % 4 = 3 THEN 0.8594 END,
                       CASE WHEN g % 4 = 3 THEN 0.9 END,
                       (ARRAY['spot_premium', 'guide_price', 'custom'])[1 + g % 3],
                       CASE WHEN g % 7 <> 0 THEN 40.25 END,
                       125.50,
                       CASE WHEN g % 5 <> 0 THEN 4.5 END,
                       CASE WHEN g % 4 = 0 THEN 99.99 END,
                       CASE WHEN g % 8 = 2 THEN 1900.00 END,
                       CASE WHEN g % 4 <> 0 THEN (now() AT TIME ZONE 'UTC')::date - g * 37 % 200 END,
                       now() - make_interval(days => g * 53 % 200)
                FROM generate_series(1, ?) AS g""", user, user, n);
        TestData.update("""
                INSERT INTO item_value_history (item_id, price_date, value, value_type, source)
                SELECT i.id, (now() AT TIME ZONE 'UTC')::date - d, 30 + (hashtext(i.id) & 31) + (d / 9 % 5) * 1.25,
                       'guide_price', 'pcgs'
                FROM collection_items i, generate_series(0, 249) AS d
                WHERE i.user_id = ? AND i.book_value_type = 'guide_price' AND hashtext(i.id) & 7 <> 0""", user);
    }

    /** Each item valued on its own at each point, straight from the contract's words. */
    private static final String ITEM_BY_ITEM = """
            WITH points AS (
                SELECT ?::date + g AS day FROM generate_series(0, ?::int - 1, ?::int) AS g
                UNION ALL SELECT ?::date + ?::int
            ),
            per_item AS (
                SELECT p.day, i.category, i.book_value_type, i.quantity, i.premium_percent, i.custom_book_value,
                       i.purchase_price, i.spot_price_at_creation,
                       (SELECT s.price_per_oz FROM spot_prices s WHERE s.metal = i.metal
                          AND s.observed_at < (p.day + 1)::timestamp AT TIME ZONE 'UTC'
                        ORDER BY s.observed_at DESC LIMIT 1) AS spot,
                       coalesce((SELECT v.value FROM item_value_history v WHERE v.item_id = i.id AND v.price_date <= p.day
                                 ORDER BY v.price_date DESC LIMIT 1), i.numismatic_value) AS guide,
                       CASE WHEN i.category = 'BULLION' THEN coalesce(i.weight_oz, 0)
                            ELSE coalesce(i.precious_metal_oz, i.metal_weight_oz * i.metal_purity, 0) END * i.quantity AS oz
                FROM points p
                JOIN collection_items i ON i.user_id = ?
                 AND coalesce(i.purchase_date, (i.created_at AT TIME ZONE 'UTC')::date) <= p.day
            ),
            valued AS (
                SELECT *, coalesce(oz * spot, 0) AS melt,
                       CASE book_value_type
                           WHEN 'spot_premium' THEN coalesce(oz * spot, 0) * (1 + coalesce(premium_percent, 0) / 100)
                           WHEN 'guide_price' THEN coalesce(guide, 0) * quantity
                           ELSE coalesce(custom_book_value, 0) END AS book,
                       CASE WHEN purchase_price IS NOT NULL THEN purchase_price
                            WHEN book_value_type = 'spot_premium' THEN oz * spot_price_at_creation END AS cost
                FROM per_item
            )
            SELECT p.day, round(coalesce(sum(melt), 0), 2), round(coalesce(sum(book), 0), 2),
                   round(coalesce(sum(book) FILTER (WHERE category = 'BULLION'), 0), 2),
                   round(coalesce(sum(book) FILTER (WHERE category = 'NUMISMATIC'), 0), 2),
                   round(coalesce(sum(cost), 0), 2)
            FROM points p LEFT JOIN valued v ON v.day = p.day
            GROUP BY p.day ORDER BY p.day
            """;

    @Test
    void databaseGoneIsA503WithRetryAfterAndBackWithoutRestart() throws Exception {
        String user = TestData.newUser();
        PgWireProxy proxy = PgWireProxy.current();
        proxy.refuseConnections(true);
        try {
            long started = System.nanoTime();
            String body = Api.asUser(user).get(ROUTE + "?days=30").then().statusCode(503).header("Retry-After", "5")
                    .body("success", equalTo(false)).extract().asString();
            ResponseChecks.assertLeaksNothing(body);
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(elapsedMs < 4000, "answered after " + elapsedMs + " ms");
        } finally {
            proxy.refuseConnections(false);
        }
        long deadline = System.currentTimeMillis() + 15_000;
        while (given().get("/q/health/ready").then().extract().statusCode() != 200) {
            assertTrue(System.currentTimeMillis() < deadline, "readiness did not come back");
            Thread.sleep(200);
        }
        history(user, "?days=7").body("data", hasSize(8));
    }
}
