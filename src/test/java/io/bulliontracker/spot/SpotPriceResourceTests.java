package io.bulliontracker.spot;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.PgWireProxy;
import io.bulliontracker.testing.TestData;
import io.bulliontracker.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class SpotPriceResourceTests {

    private static final String ADMIN = "spot-admin";

    @Inject
    SpotPriceFetcher fetcher;

    @BeforeEach
    void emptySpotTable() {
        SpotRows.clear();
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static ValidatableResponse importJson(String json) {
        return Api.asAdmin(ADMIN).contentType("application/json").body(json).post("/api/prices").then().log().ifValidationFails();
    }

    private static ValidatableResponse importCsv(String csv) {
        // As bytes: rest-assured would encode a text/csv string as ISO-8859-1, which has no BOM.
        return Api.asAdmin(ADMIN).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/prices")
                .then().log().ifValidationFails();
    }

    // ---- GET /api/prices ----

    @Test
    void latestPriceWithChangeAgainstTheLastRowAtLeast24HoursOld() {
        Instant now = SpotRows.now();
        SpotRows.add("gold", now.minus(Duration.ofHours(30)), "2000.00");
        SpotRows.add("gold", now.minus(Duration.ofHours(24)).minusSeconds(60), "2500.00");
        SpotRows.add("gold", now.minus(Duration.ofHours(23)), "9999.00");
        SpotRows.add("gold", now.minus(Duration.ofHours(1)), "2624.67");
        SpotRows.add("silver", now.minus(Duration.ofHours(2)), "30.96");
        SpotRows.add("platinum", now.minus(Duration.ofHours(25)), "800.00");
        SpotRows.add("platinum", now.minus(Duration.ofHours(3)), "799.00");

        Api.anonymous().get("/api/prices").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.gold.metal", equalTo("gold"))
                .body("data.gold.pricePerOz", comparesEqualTo(dec("2624.67")))
                // 2624.67 − 2500.00 = 124.67; 124.67 / 2500 = 4.9868 %
                .body("data.gold.change24h", comparesEqualTo(dec("124.67")))
                .body("data.gold.changePercent24h", comparesEqualTo(dec("4.99")))
                .body("data.gold.lastUpdated", equalTo(now.minus(Duration.ofHours(1)).toString()))
                // No row a day old: no change.
                .body("data.silver.pricePerOz", comparesEqualTo(dec("30.96")))
                .body("data.silver.change24h", comparesEqualTo(dec("0.00")))
                .body("data.silver.changePercent24h", comparesEqualTo(dec("0.00")))
                // −1.00 / 800.00 = −0.125 %, half away from zero.
                .body("data.platinum.change24h", comparesEqualTo(dec("-1.00")))
                .body("data.platinum.changePercent24h", comparesEqualTo(dec("-0.13")))
                .body("data.palladium.metal", equalTo("palladium"))
                .body("data.palladium.pricePerOz", nullValue())
                .body("data.palladium.change24h", nullValue())
                .body("data.palladium.changePercent24h", nullValue())
                .body("data.palladium.lastUpdated", nullValue());
    }

    @Test
    void everyMetalIsPresentWhenNothingIsStored() {
        Api.anonymous().get("/api/prices").then().statusCode(200)
                .body("data.gold.metal", equalTo("gold"))
                .body("data.gold.pricePerOz", nullValue())
                .body("data.silver.metal", equalTo("silver"))
                .body("data.platinum.metal", equalTo("platinum"))
                .body("data.palladium.metal", equalTo("palladium"));
    }

    @Test
    void publicReadsIgnoreTheAuthorizationHeader() {
        SpotRows.add("gold", SpotRows.now().minusSeconds(60), "2650.00");
        for (RequestSpecification request : List.of(Api.anonymous(), Api.as(Tokens.expired("u")),
                Api.as("Bearer not.a.jwt"), Api.as(Tokens.unsigned("u")), Api.asUser("someone"))) {
            // The mobile client sends a JSON Content-Type on GETs without a body.
            request.contentType("application/json").get("/api/prices").then().statusCode(200)
                    .body("data.gold.pricePerOz", comparesEqualTo(dec("2650.00")));
        }
        Api.as(Tokens.expired("u")).get("/api/prices/history?metal=gold").then().statusCode(200);
        Api.as("Bearer not.a.jwt").get("/api/prices/performance").then().statusCode(200);
    }

    @Test
    void eachReadIsOneStatement() {
        SpotRows.add("gold", SpotRows.now().minusSeconds(60), "2650.00");
        PgWireProxy proxy = PgWireProxy.current();
        for (String path : List.of("/api/prices", "/api/prices/history?metal=gold", "/api/prices/performance?days=7")) {
            proxy.resetStatements();
            Api.anonymous().get(path).then().statusCode(200);
            List<String> statements = proxy.statements();
            assertEquals(1, statements.size(), () -> path + ": " + statements);
        }
    }

    @Test
    void theFetchIsOffWithoutAProviderKey() {
        PgWireProxy proxy = PgWireProxy.current();
        proxy.resetStatements();
        FetchOutcome outcome = fetcher.fetch().await().atMost(Duration.ofSeconds(5));
        assertEquals(FetchOutcome.Status.OFF, outcome.status());
        assertEquals(List.of(), proxy.statements());
        assertEquals(0, SpotRows.count());
    }

    // ---- GET /api/prices/history ----

    @Test
    void historyListsStoredRowsOfTheMetalFromStartOfStartDateToEndOfEndDate() {
        SpotRows.add("gold", Instant.parse("2024-02-29T23:59:59.999Z"), "1999.00");
        SpotRows.add("gold", Instant.parse("2024-03-01T00:00:00Z"), "2000.10");
        SpotRows.add("gold", Instant.parse("2024-03-02T12:00:00Z"), "2010.20");
        SpotRows.add("gold", Instant.parse("2024-03-03T23:59:59.999Z"), "2020.30");
        SpotRows.add("gold", Instant.parse("2024-03-04T00:00:00Z"), "2030.40");
        SpotRows.add("silver", Instant.parse("2024-03-02T12:00:00Z"), "22.22");

        Api.anonymous().get("/api/prices/history?metal=gold&startDate=2024-03-01&endDate=2024-03-03").then()
                .statusCode(200)
                .body("data.timestamp", contains("2024-03-01T00:00:00Z", "2024-03-02T12:00:00Z",
                        "2024-03-03T23:59:59.999Z"))
                .body("data.price", contains(comparesEqualTo(dec("2000.10")), comparesEqualTo(dec("2010.20")),
                        comparesEqualTo(dec("2020.30"))));
    }

    @Test
    void historyDefaultsToTheLast30Days() {
        LocalDate today = TestData.today();
        SpotRows.add("silver", startOf(today.minusDays(31)), "20.00");
        SpotRows.add("silver", startOf(today.minusDays(30)), "21.00");
        SpotRows.add("silver", SpotRows.now().minusSeconds(5), "22.00");

        Api.anonymous().get("/api/prices/history?metal=silver").then().statusCode(200)
                .body("data.price", contains(comparesEqualTo(dec("21.00")), comparesEqualTo(dec("22.00"))));
    }

    @Test
    void historySpansUpToTenYears() {
        SpotRows.add("platinum", Instant.parse("2010-01-01T00:00:00Z"), "1500.00");
        Api.anonymous().get("/api/prices/history?metal=platinum&startDate=2010-01-01&endDate=2020-01-01").then()
                .statusCode(200).body("data", hasSize(1));
        Api.anonymous().get("/api/prices/history?metal=platinum&startDate=2009-12-31&endDate=2020-01-01").then()
                .statusCode(400).body("success", equalTo(false)).body("details.field", equalTo("startDate"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"startDate=2024-03-01", "metal=", "metal=copper", "metal=GOLD", "metal=gold&startDate=2024-13-01",
            "metal=gold&endDate=yesterday", "metal=gold&startDate=2024-03-02&endDate=2024-03-01",
            "metal=gold&startDate=%2B999999999-12-01&endDate=%2B999999999-12-31", "metal=gold&startDate=0001-01-01&endDate=0001-01-02"})
    void historyRefusesBadParameters(String query) {
        Api.anonymous().get("/api/prices/history?" + query).then().statusCode(400)
                .body("success", equalTo(false))
                .body("details.field", org.hamcrest.Matchers.oneOf("metal", "startDate", "endDate"));
    }

    // ---- GET /api/prices/performance ----

    /** M18 and M12: the mobile client calls without a token and with Content-Type: application/json on GET. */
    @Test
    void mobileSpotReadsWithoutATokenAndWithAJsonContentType() {
        Instant now = SpotRows.now();
        SpotRows.add("gold", now.minus(Duration.ofDays(40)), "2000.00");
        SpotRows.add("gold", now.minus(Duration.ofHours(1)), "2500.00");
        SpotRows.add("silver", now.minus(Duration.ofHours(1)), "31.00");
        Api.anonymous().contentType("application/json").get("/api/prices").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.gold.pricePerOz", comparesEqualTo(dec("2500.00")))
                .body("data.gold.lastUpdated", equalTo(now.minus(Duration.ofHours(1)).toString()))
                .body("data.silver.pricePerOz", comparesEqualTo(dec("31.00")))
                .body("data.platinum.pricePerOz", nullValue());
        Api.anonymous().contentType("application/json").get("/api/prices/performance").then().statusCode(200)
                // 2500 against 2000 thirty days ago: +25 %; silver has nothing older, so its own price.
                .body("data.metals.find { it.metal == 'gold' }.priceOneMonthAgo", comparesEqualTo(dec("2000.00")))
                .body("data.metals.find { it.metal == 'silver' }.priceOneMonthAgo", comparesEqualTo(dec("31.00")))
                .body("data.bestPerformer.metal", equalTo("gold"))
                .body("data.bestPerformer.changePercent", comparesEqualTo(dec("25.00")))
                .body("data.worstPerformer.metal", equalTo("silver"));
    }

    @Test
    void performanceComparesLatestWithTheLastRowBeforeTheEndOfTheCutoffDay() {
        LocalDate today = TestData.today();
        Instant cutoffEnd = startOf(today.minusDays(29));
        SpotRows.add("gold", cutoffEnd.minusSeconds(1), "2000.00");
        SpotRows.add("gold", cutoffEnd, "3000.00");
        SpotRows.add("gold", SpotRows.now().minusSeconds(60), "2200.00");
        SpotRows.add("silver", startOf(today.minusDays(40)).plus(Duration.ofHours(12)), "25.00");
        SpotRows.add("silver", SpotRows.now().minusSeconds(60), "30.00");
        SpotRows.add("platinum", startOf(today.minusDays(5)).plus(Duration.ofHours(12)), "1000.00");

        Api.anonymous().get("/api/prices/performance").then().statusCode(200)
                .body("data.periodDays", equalTo(30))
                .body("data.metals.metal", contains("silver", "gold", "platinum"))
                .body("data.metals[0].currentPrice", comparesEqualTo(dec("30.00")))
                .body("data.metals[0].priceOneMonthAgo", comparesEqualTo(dec("25.00")))
                .body("data.metals[0].change", comparesEqualTo(dec("5.00")))
                .body("data.metals[0].changePercent", comparesEqualTo(dec("20.00")))
                .body("data.metals[1].currentPrice", comparesEqualTo(dec("2200.00")))
                .body("data.metals[1].priceOneMonthAgo", comparesEqualTo(dec("2000.00")))
                .body("data.metals[1].change", comparesEqualTo(dec("200.00")))
                .body("data.metals[1].changePercent", comparesEqualTo(dec("10.00")))
                // Nothing old enough: the current price is the historical one.
                .body("data.metals[2].priceOneMonthAgo", comparesEqualTo(dec("1000.00")))
                .body("data.metals[2].change", comparesEqualTo(dec("0.00")))
                .body("data.metals[2].changePercent", comparesEqualTo(dec("0.00")))
                .body("data.bestPerformer.metal", equalTo("silver"))
                .body("data.bestPerformer.changePercent", comparesEqualTo(dec("20.00")))
                .body("data.worstPerformer.metal", equalTo("platinum"));
    }

    @Test
    void performanceTiesGoByMetalName() {
        LocalDate today = TestData.today();
        Instant tenDaysAgo = startOf(today.minusDays(10));
        Instant recent = SpotRows.now().minusSeconds(60);
        SpotRows.add("silver", tenDaysAgo, "10.00");
        SpotRows.add("silver", recent, "11.00");
        SpotRows.add("gold", tenDaysAgo, "100.00");
        SpotRows.add("gold", recent, "110.00");
        SpotRows.add("platinum", recent, "5.00");
        SpotRows.add("palladium", recent, "7.00");

        Api.anonymous().get("/api/prices/performance?days=7").then().statusCode(200)
                .body("data.periodDays", equalTo(7))
                .body("data.metals.metal", contains("gold", "silver", "palladium", "platinum"))
                .body("data.bestPerformer.metal", equalTo("gold"))
                .body("data.worstPerformer.metal", equalTo("platinum"));
    }

    @Test
    void performanceWithoutRowsHasNoMetalsAndNullPerformers() {
        Api.anonymous().get("/api/prices/performance").then().statusCode(200)
                .body("data.metals", hasSize(0))
                .body("data.bestPerformer", nullValue())
                .body("data.worstPerformer", nullValue())
                .body("data.periodDays", equalTo(30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "3651", "-1", "abc", "1.5", "1e3"})
    void performanceDaysOutsideOneTo3650IsRefused(String days) {
        Api.anonymous().get("/api/prices/performance?days=" + days).then().statusCode(400)
                .body("success", equalTo(false)).body("details.field", equalTo("days"));
    }

    // ---- POST /api/prices ----

    @Test
    void jsonImportUpsertsOnMetalAndObservedAt() {
        importJson("""
                [{"metal": "gold", "pricePerOz": 2650.5, "observedAt": "2025-01-15T14:30:00Z"},
                 {"metal": "gold", "pricePerOz": 2661, "observedAt": "2025-01-15T18:30:00+02:00", "source": "lbma"},
                 {"metal": "palladium", "pricePerOz": 990.125, "observedAt": "2025-01-15T14:30:00"}]""")
                .statusCode(200).body("success", equalTo(true)).body("data.upserted", equalTo(3));
        // The same instant as the first row, written another way: that row is updated, not duplicated.
        importJson("[{\"metal\": \"gold\", \"pricePerOz\": 2700.004, \"observedAt\": \"2025-01-15T14:30:00.000Z\"}]")
                .statusCode(200).body("data.upserted", equalTo(1));

        assertEquals(2, SpotRows.count("gold"));
        List<List<Object>> rows = TestData.rows(
                "SELECT metal, to_char(observed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI'), price_per_oz, source "
                        + "FROM spot_prices ORDER BY metal, observed_at");
        assertEquals("2025-01-15T14:30", rows.get(0).get(1).toString());
        assertEquals(0, dec("2700.00").compareTo((BigDecimal) rows.get(0).get(2)));
        assertEquals("import", rows.get(0).get(3));
        assertEquals(0, dec("2661.00").compareTo((BigDecimal) rows.get(1).get(2)));
        assertEquals("lbma", rows.get(1).get(3));
        // 990.125 rounds half up to 990.13; a time without offset is UTC.
        assertEquals("palladium", rows.get(2).get(0));
        assertEquals("2025-01-15T14:30", rows.get(2).get(1).toString());
        assertEquals(0, dec("990.13").compareTo((BigDecimal) rows.get(2).get(2)));
    }

    @Test
    void importWithoutObservedAtIsObservedNow() {
        Instant before = SpotRows.now().minusSeconds(1);
        importJson("[{\"metal\": \"silver\", \"pricePerOz\": 31.5}]").statusCode(200).body("data.upserted", equalTo(1));
        String lastUpdated = Api.anonymous().get("/api/prices").then().statusCode(200)
                .body("data.silver.pricePerOz", comparesEqualTo(dec("31.50")))
                .extract().path("data.silver.lastUpdated");
        Instant observed = Instant.parse(lastUpdated);
        assertTrue(!observed.isBefore(before) && !observed.isAfter(Instant.now()), lastUpdated);
    }

    @Test
    void badRowsAreNamedByIndexAndNothingIsWritten() {
        String future = Instant.now().plus(Duration.ofDays(1)).toString();
        importJson("""
                [{"metal": "gold", "pricePerOz": 2650, "observedAt": "2025-01-15T14:30:00Z"},
                 {"metal": "copper", "pricePerOz": 4.1},
                 {"metal": "silver", "pricePerOz": 0},
                 {"metal": "silver", "pricePerOz": -3},
                 {"metal": "silver", "pricePerOz": 30, "observedAt": "%s"},
                 {"metal": "silver", "pricePerOz": 30, "observedAt": "15/01/2025"},
                 {"metal": "gold", "pricePerOz": 2651, "observedAt": "2025-01-15T15:30:00+01:00"},
                 {"metal": "gold", "pricePerOz": 1e20},
                 {"pricePerOz": 10},
                 {"metal": "gold"},
                 null,
                 {"metal": "gold", "pricePerOz": 0.004}]""".formatted(future))
                .statusCode(400)
                .body("success", equalTo(false))
                .body("error", containsString("11 invalid price rows; first at index 1"))
                .body("details.invalidRows", equalTo(11))
                .body("details.rows.index", contains(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11))
                .body("details.rows[0].reason", containsString("copper has no spot price"))
                .body("details.rows[1].reason", equalTo("pricePerOz must be greater than 0"))
                .body("details.rows[3].reason", equalTo("observedAt is in the future"))
                .body("details.rows[4].reason", containsString("ISO-8601"))
                .body("details.rows[5].reason", equalTo("same metal and observedAt as index 0"))
                .body("details.rows[6].reason", containsString("at most 12 digits"))
                .body("details.rows[7].reason", equalTo("metal is required"))
                .body("details.rows[8].reason", equalTo("pricePerOz is required"))
                .body("details.rows[9].reason", equalTo("row is null"))
                .body("details.rows[10].reason", containsString("at least 0.01"));
        assertEquals(0, SpotRows.count());
    }

    @Test
    void aPriceWithTooManyDigitsIsRefusedBeforeAnyArithmetic() {
        importJson("[{\"metal\": \"gold\", \"pricePerOz\": 1e-20000}, {\"metal\": \"gold\", \"pricePerOz\": 1234567890123.5},"
                + " {\"metal\": \"gold\", \"pricePerOz\": 2650.1234567890123}]")
                .statusCode(400)
                .body("details.rows.index", contains(0, 1, 2))
                .body("details.rows.reason", everyItem(containsString("at most 12 digits")));
        importCsv("metal,pricePerOz,observedAt\ngold,1e-20000,\n").statusCode(400)
                .body("details.rows[0].reason", containsString("at most 12 digits"));
        assertEquals(0, SpotRows.count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{}", "\"gold\"", "[{\"metal\": \"gold\", \"pricePerOz\": \"abc\"}]", "[{\"metal\": 5, \"pricePerOz\": 1}]"})
    void malformedImportBodiesAreRefused(String body) {
        importJson(body).statusCode(400).body("success", equalTo(false));
        assertEquals(0, SpotRows.count());
    }

    @Test
    void importIsOneStatement() {
        PgWireProxy proxy = PgWireProxy.current();
        proxy.resetStatements();
        importJson("[{\"metal\": \"gold\", \"pricePerOz\": 2650, \"observedAt\": \"2025-01-15T14:30:00Z\"},"
                + "{\"metal\": \"silver\", \"pricePerOz\": 30, \"observedAt\": \"2025-01-15T14:30:00Z\"}]").statusCode(200);
        assertEquals(1, proxy.statements().size(), () -> "statements: " + proxy.statements());
    }

    @Test
    void csvImportReadsQuotesCrlfBomAndBlankLines() {
        importCsv("\uFEFFmetal,pricePerOz,observedAt\r\n"
                + "gold,2650.50,2025-01-15T14:30:00Z\r\n"
                + "\r\n"
                + "\"silver\",\"30.125\",\"2025-01-15T14:30:00Z\"\r\n"
                + "platinum,955,\n")
                .statusCode(200).body("data.upserted", equalTo(3));
        assertEquals(0, dec("30.13").compareTo(TestData.decimal("SELECT price_per_oz FROM spot_prices WHERE metal = 'silver'")));
        assertEquals(1, SpotRows.count("platinum"));
    }

    @Test
    void csvWithASourceColumnKeepsIt() {
        importCsv("metal,pricePerOz,observedAt,source\ngold,2650,2025-01-15T14:30:00Z,\"LBMA, pm fix\"\n")
                .statusCode(200).body("data.upserted", equalTo(1));
        assertEquals("LBMA, pm fix", TestData.rows("SELECT source FROM spot_prices").get(0).get(0));
    }

    @Test
    void csvBadRowsAreNamedByIndexAndNothingIsWritten() {
        importCsv("metal,pricePerOz,observedAt\n"
                + "gold,2650,2025-01-15T14:30:00Z\n"
                + "silver,thirty,2025-01-15T14:30:00Z\n"
                + "platinum,900\n"
                + "copper,4,2025-01-15T14:30:00Z\n")
                .statusCode(400)
                .body("details.rows.index", contains(1, 2, 3))
                .body("details.rows[0].reason", equalTo("pricePerOz is not a number"))
                .body("details.rows[1].reason", equalTo("expected 3 fields, found 2"))
                .body("details.rows[2].reason", containsString("copper"));
        assertEquals(0, SpotRows.count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "metal,price,observedAt\ngold,1,2025-01-15T14:30:00Z\n", "metal,pricePerOz,observedAt\n",
            "metal,pricePerOz,observedAt\n\"gold,1,2025-01-15T14:30:00Z\n"})
    void csvWithoutHeaderRowsOrClosingQuoteIsRefused(String csv) {
        importCsv(csv).statusCode(400).body("success", equalTo(false));
        assertEquals(0, SpotRows.count());
    }

    @Test
    void aDatabaseThatIsAwayIsA503AndTheImportWritesNothing() {
        PgWireProxy proxy = PgWireProxy.current();
        proxy.refuseConnections(true);
        try {
            Api.anonymous().get("/api/prices").then().statusCode(503).header("Retry-After", "5")
                    .body("success", equalTo(false));
            importJson("[{\"metal\": \"gold\", \"pricePerOz\": 2650}]").statusCode(503).header("Retry-After", "5");
        } finally {
            proxy.refuseConnections(false);
        }
        assertEquals(0, SpotRows.count());
        Api.anonymous().get("/api/prices").then().statusCode(200);
    }

    @Test
    void importIsForAdminsOnly() {
        String body = "[{\"metal\": \"gold\", \"pricePerOz\": 2650}]";
        Api.asUser("not-admin").contentType("application/json").body(body).post("/api/prices").then()
                .statusCode(403).body("success", equalTo(false));
        Api.anonymous().contentType("application/json").body(body).post("/api/prices").then()
                .statusCode(401).body("success", equalTo(false));
        assertEquals(0, SpotRows.count());
    }
}
