package io.bulliontracker.catalog;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.PgWireProxy;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class CatalogResourceTests {

    private static final String ADMIN = "catalog-admin";

    private static String coinJson(int pcgs, String fullName, String series) {
        return "{\"pcgsNumber\": " + pcgs + ", \"year\": 1921, \"mintMark\": \"D\", \"denomination\": \"$1\", "
                + "\"series\": \"" + series + "\", \"metal\": \"silver\", \"weightOz\": 0.7734, \"fineness\": 0.900, "
                + "\"mintage\": 548000, \"fullName\": \"" + fullName + "\"}";
    }

    private static String upsertCoin(int pcgs, String fullName, String series) {
        return Api.asAdmin(ADMIN).contentType("application/json").body("[" + coinJson(pcgs, fullName, series) + "]")
                .post("/api/coins").then().statusCode(200).extract().path("data.coins[0].id");
    }

    @Test
    void gradesAreTheFortyOnePcgsCodesInDisplayOrder() {
        Api.asUser(TestData.newUser()).get("/api/grades").then().statusCode(200)
                .body("keySet()", contains("data"))
                .body("data", hasSize(41))
                .body("data[0].gradeCode", equalTo("PO01"))
                .body("data[0].numericValue", equalTo(1))
                .body("data[18].gradeCode", equalTo("AU58"))
                .body("data[19].gradeCode", equalTo("MS60"))
                .body("data[29].gradeCode", equalTo("MS70"))
                .body("data[40].gradeCode", equalTo("PR70"))
                .body("data.displayOrder", equalTo(IntStream.rangeClosed(1, 41).boxed().toList()));
    }

    @Test
    void coinUpsertCreatesThenUpdatesByPcgsNumber() {
        int a = TestData.nextPcgsNumber();
        int b = TestData.nextPcgsNumber();
        String body = "[" + coinJson(a, "1921-D Morgan Dollar", "Morgan Dollar") + ","
                + coinJson(b, "1921-S Morgan Dollar", "Morgan Dollar") + "]";
        String firstId = Api.asAdmin(ADMIN).contentType("application/json").body(body).post("/api/coins").then()
                .statusCode(200)
                .body("data.created", equalTo(2)).body("data.updated", equalTo(0))
                .body("data.coins.pcgsNumber", contains(a, b))
                .body("data.coins.id", everyItem(notNullValue()))
                .extract().path("data.coins[0].id");

        String renamed = "[" + coinJson(a, "1921-D Morgan Dollar (renamed)", "Morgan Dollar") + ","
                + coinJson(TestData.nextPcgsNumber(), "Brand new", "Peace Dollar") + "]";
        Api.asAdmin(ADMIN).contentType("application/json").body(renamed).post("/api/coins").then().statusCode(200)
                .body("data.created", equalTo(1)).body("data.updated", equalTo(1))
                .body("data.coins[0].id", equalTo(firstId));

        Api.asUser(TestData.newUser()).get("/api/coins/" + a).then().statusCode(200)
                .body("data.id", equalTo(firstId))
                .body("data.fullName", equalTo("1921-D Morgan Dollar (renamed)"))
                .body("data.mintage", equalTo(548000))
                .body("data.prices", hasSize(0));
    }

    @Test
    void coinUpsertWithOneBadRowWritesNothing() {
        int good = TestData.nextPcgsNumber();
        String body = "[" + coinJson(good, "Good coin", "S") + ", {\"pcgsNumber\": 5, \"year\": 1900}, "
                + coinJson(good, "Repeat", "S") + "]";
        Api.asAdmin(ADMIN).contentType("application/json").body(body).post("/api/coins").then().statusCode(400)
                .body("success", equalTo(false))
                .body("details.rows[0].index", equalTo(1))
                .body("details.rows[0].reason", containsString("denomination"))
                .body("details.rows[1].index", equalTo(2))
                .body("details.rows[1].reason", containsString("appears again"));
        assertEquals(0, TestData.count("SELECT count(*) FROM coin_references WHERE pcgs_number = ?", good));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{}", "[{\"pcgsNumber\": \"abc\"}]", "[{\"pcgsNumber\": 1.5}]", "not json"})
    void malformedCoinBatchesAreRefused(String body) {
        Api.asAdmin(ADMIN).contentType("application/json").body(body).post("/api/coins").then().statusCode(400)
                .body("success", equalTo(false));
    }

    @Test
    void catalogWritesNeedAdmin() {
        String body = "[" + coinJson(TestData.nextPcgsNumber(), "X", "Y") + "]";
        Api.asUser("plain-user").contentType("application/json").body(body).post("/api/coins").then().statusCode(403)
                .body("success", equalTo(false));
        Api.asUser("plain-user").contentType("application/json").body("[]").post("/api/coins/price-guide").then()
                .statusCode(403);
        Api.asUser("plain-user").contentType("text/csv").body(PriceGuideCsv.HEADER + "\n").post("/api/coins/price-guide")
                .then().statusCode(403);
        Api.anonymous().contentType("application/json").body(body).post("/api/coins").then().statusCode(401);
    }

    @Test
    void searchMatchesEveryWordOfNameAndSeriesIgnoringCase() {
        String tag = "zq" + TestData.nextPcgsNumber();
        int vdb = TestData.nextPcgsNumber();
        upsertCoin(vdb, "1909-S VDB " + tag + " Cent", "Lincoln Wheat");
        upsertCoin(TestData.nextPcgsNumber(), "1910 " + tag + " Cent", "Lincoln Wheat");
        upsertCoin(TestData.nextPcgsNumber(), "1910 " + tag + " Dollar", "Morgan");

        Api.asUser("u").queryParam("q", tag.toUpperCase() + " lincoln  cent").get("/api/coins/search").then()
                .statusCode(200).body("", hasSize(2))
                .body("fullName", contains("1909-S VDB " + tag + " Cent", "1910 " + tag + " Cent"));
        Api.asUser("u").queryParam("q", tag + " vdb").get("/api/coins/search").then().statusCode(200)
                .body("", hasSize(1)).body("[0].pcgsNumber", equalTo(vdb));
        Api.asUser("u").queryParam("q", String.valueOf(vdb)).get("/api/coins/search").then().statusCode(200)
                .body("pcgsNumber", contains(vdb));
        Api.asUser("u").queryParam("q", tag).queryParam("limit", 1).get("/api/coins/search").then().statusCode(200)
                .body("", hasSize(1));
        Api.asUser("u").queryParam("q", "100%_" + tag).get("/api/coins/search").then().statusCode(200)
                .body("", hasSize(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x|0", "x|-1", "x|ten", "x|1e2", "x|1.5", "x| 5"})
    void badSearchLimitsAreRefused(String query) {
        String[] parts = query.split("\\|", -1);
        Api.asUser("u").queryParam("q", parts[0]).queryParam("limit", parts[1]).get("/api/coins/search").then()
                .statusCode(400).body("success", equalTo(false))
                .body("details.field", equalTo("limit"))
                .body("error", equalTo("Invalid limit: must be a positive integer (values over 100 count as 100)"));
    }

    @Test
    void coinLookupShowsTheLatestPricePerGrade() {
        int pcgs = TestData.nextPcgsNumber();
        String coin = TestData.coin(pcgs, "Lookup coin");
        TestData.price(coin, "MS65", TestData.daysAgo(10), "100.00", "90.00");
        TestData.price(coin, "MS65", TestData.daysAgo(3), "110.00", null);
        TestData.price(coin, "AU50", TestData.daysAgo(20), null, "40.00");

        Api.asUser("u").get("/api/coins/" + pcgs).then().statusCode(200)
                .body("data.id", equalTo(coin))
                .body("data.prices", hasSize(2))
                .body("data.prices[0].gradeCode", equalTo("AU50"))
                .body("data.prices[0].pcgsPrice", nullValue())
                .body("data.prices[0].greysheetPrice", comparesEqualTo(new BigDecimal("40.00")))
                .body("data.prices[1].gradeCode", equalTo("MS65"))
                .body("data.prices[1].pcgsPrice", comparesEqualTo(new BigDecimal("110.00")))
                .body("data.prices[1].priceDate", equalTo(TestData.daysAgo(3).toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999", "abc", "-1", "0", "12.5", "0x10", "2147483648", "99999999999", "%EF%BC%91"})
    void unknownCoinIsNotFound(String pcgs) {
        Api.asUser("u").urlEncodingEnabled(false).get("/api/coins/" + pcgs).then().statusCode(404)
                .body("success", equalTo(false)).body("error", equalTo("Coin not found"));
    }

    @Test
    void priceGuideImportUpsertsJsonRowsAndReadsThemBack() {
        int pcgs = TestData.nextPcgsNumber();
        String coin = upsertCoin(pcgs, "Import coin", "S");
        String d1 = TestData.daysAgo(14).toString();
        String d2 = TestData.daysAgo(7).toString();
        String rows = "[{\"pcgsNumber\": " + pcgs + ", \"gradeCode\": \"MS63\", \"priceDate\": \"" + d1 + "\", \"pcgsPrice\": 100.005, \"greysheetPrice\": 90},"
                + "{\"coinReferenceId\": \"" + coin + "\", \"gradeCode\": \"MS63\", \"priceDate\": \"" + d2 + "\", \"greysheetPrice\": 95.50},"
                + "{\"pcgsNumber\": " + pcgs + ", \"gradeCode\": \"MS64\", \"priceDate\": \"" + d2 + "\", \"pcgsPrice\": 0}]";
        Api.asAdmin(ADMIN).contentType("application/json").body(rows).post("/api/coins/price-guide").then()
                .statusCode(200).body("data.upserted", equalTo(3));

        Api.asUser("u").queryParam("pcgsNumber", pcgs).queryParam("gradeCode", "MS63").get("/api/coins/price-guide")
                .then().statusCode(200)
                .body("data", hasSize(2))
                .body("data.priceDate", contains(d1, d2))
                .body("data[0].coinReferenceId", equalTo(coin))
                .body("data[0].pcgsNumber", equalTo(pcgs))
                .body("data[0].pcgsPrice", comparesEqualTo(new BigDecimal("100.01")))
                .body("data[0].greysheetPrice", comparesEqualTo(new BigDecimal("90.00")))
                .body("data[0].priceSource", equalTo("both"))
                .body("data[1].pcgsPrice", nullValue())
                .body("data[1].priceSource", equalTo("greysheet"));

        // Upsert of an existing (coin, grade, date) replaces its prices.
        Api.asAdmin(ADMIN).contentType("application/json")
                .body("[{\"pcgsNumber\": " + pcgs + ", \"gradeCode\": \"MS63\", \"priceDate\": \"" + d2 + "\", \"pcgsPrice\": 120}]")
                .post("/api/coins/price-guide").then().statusCode(200).body("data.upserted", equalTo(1));
        Api.asUser("u").queryParam("coinReferenceId", coin).queryParam("from", d2).queryParam("to", d2)
                .get("/api/coins/price-guide").then().statusCode(200)
                .body("data.gradeCode", contains("MS63", "MS64"))
                .body("data[0].pcgsPrice", comparesEqualTo(new BigDecimal("120.00")))
                .body("data[0].priceSource", equalTo("pcgs"));
    }

    @Test
    void priceGuideImportAcceptsCsv() {
        int pcgs = TestData.nextPcgsNumber();
        String coin = upsertCoin(pcgs, "CSV coin", "S");
        String csv = PriceGuideCsv.HEADER + "\r\n"
                + pcgs + ",VF20," + TestData.daysAgo(2) + ",12.50,\r\n"
                + pcgs + ",VF20," + TestData.daysAgo(1) + ",,11.00\r\n";
        Api.asAdmin(ADMIN).contentType("text/csv").body(csv).post("/api/coins/price-guide").then().statusCode(200)
                .body("data.upserted", equalTo(2));
        assertEquals(2, TestData.count("SELECT count(*) FROM price_guide WHERE coin_reference_id = ?", coin));
        assertEquals("greysheet", TestData.rows("SELECT price_source FROM price_guide WHERE coin_reference_id = ? ORDER BY price_date DESC", coin).get(0).get(0));
    }

    @Test
    void priceGuideImportWithOneBadRowWritesNothing() {
        int pcgs = TestData.nextPcgsNumber();
        String coin = upsertCoin(pcgs, "All or nothing", "S");
        String ok = "{\"pcgsNumber\": " + pcgs + ", \"gradeCode\": \"MS60\", \"priceDate\": \"" + TestData.daysAgo(1) + "\", \"pcgsPrice\": 10}";
        String rows = "[" + ok + ","
                + "{\"pcgsNumber\": 999999999, \"gradeCode\": \"MS60\", \"priceDate\": \"2024-01-01\", \"pcgsPrice\": 1},"
                + "{\"pcgsNumber\": " + pcgs + ", \"gradeCode\": \"MS99\", \"priceDate\": \"2024-01-01\", \"pcgsPrice\": 1},"
                + "{\"pcgsNumber\": " + pcgs + ", \"gradeCode\": \"MS61\", \"priceDate\": \"" + TestData.today().plusDays(1) + "\", \"pcgsPrice\": 1},"
                + "{\"pcgsNumber\": " + pcgs + ", \"gradeCode\": \"MS61\", \"priceDate\": \"2024-01-01\"},"
                + "{\"pcgsNumber\": " + pcgs + ", \"gradeCode\": \"MS61\", \"priceDate\": \"2024-01-01\", \"pcgsPrice\": -1},"
                + "{\"pcgsNumber\": " + pcgs + ", \"gradeCode\": \"MS61\", \"priceDate\": \"01/02/2024\", \"pcgsPrice\": 1},"
                + ok + "]";
        Api.asAdmin(ADMIN).contentType("application/json").body(rows).post("/api/coins/price-guide").then()
                .statusCode(400)
                .body("details.invalidRows", equalTo(7))
                .body("details.rows.index", contains(1, 2, 3, 4, 5, 6, 7))
                .body("details.rows[0].reason", equalTo("unknown coin"))
                .body("details.rows[1].reason", containsString("gradeCode"))
                .body("details.rows[2].reason", containsString("future"))
                .body("details.rows[3].reason", containsString("at least one"))
                .body("details.rows[4].reason", containsString("at least 0"))
                .body("details.rows[5].reason", containsString("YYYY-MM-DD"))
                .body("details.rows[6].reason", containsString("same coin, grade and date as index 0"));
        assertEquals(0, TestData.count("SELECT count(*) FROM price_guide WHERE coin_reference_id = ?", coin));
    }

    @Test
    void csvWithABadRowOrHeaderWritesNothing() {
        int pcgs = TestData.nextPcgsNumber();
        String coin = upsertCoin(pcgs, "CSV all or nothing", "S");
        String csv = PriceGuideCsv.HEADER + "\n" + pcgs + ",MS60," + TestData.daysAgo(1) + ",10,\n" + pcgs + ",MS61,2024-01-01,ten,\n";
        Api.asAdmin(ADMIN).contentType("text/csv").body(csv).post("/api/coins/price-guide").then().statusCode(400)
                .body("details.rows[0].index", equalTo(1))
                .body("details.rows[0].reason", containsString("pcgsPrice"));
        Api.asAdmin(ADMIN).contentType("text/csv").body("a,b,c\n1,2,3\n").post("/api/coins/price-guide").then()
                .statusCode(400).body("details.field", equalTo("header"));
        assertEquals(0, TestData.count("SELECT count(*) FROM price_guide WHERE coin_reference_id = ?", coin));
    }

    /** Memory stays bounded: a history read past 10,000 rows is refused, a narrowed one is served. */
    @Test
    void priceGuideHistoryOfMoreThanTenThousandRowsMustBeNarrowed() {
        int pcgs = TestData.nextPcgsNumber();
        String coin = TestData.coin(pcgs, "Busy Coin");
        // 5,001 days in each of two grades: 10,002 rows.
        TestData.update("""
                INSERT INTO price_guide (coin_reference_id, grade_code, price_date, pcgs_price, price_source)
                SELECT ?, g, DATE '2000-01-01' + d, 10.00, 'pcgs'
                FROM generate_series(0, 5000) d, unnest(ARRAY['MS63', 'MS64']) g""", coin);
        Api.asUser("u").queryParam("pcgsNumber", pcgs).get("/api/coins/price-guide").then().statusCode(400)
                .body("error", equalTo("Invalid to: the range holds more than 10000 rows: narrow it with gradeCode, from or to"));
        Api.asUser("u").queryParam("pcgsNumber", pcgs).queryParam("gradeCode", "MS64").get("/api/coins/price-guide")
                .then().statusCode(200).body("data.size()", equalTo(5001))
                .body("data[5000].priceDate", equalTo("2013-09-09"));
    }

    @Test
    void priceGuideHistoryNeedsAKnownCoin() {
        Api.asUser("u").get("/api/coins/price-guide").then().statusCode(400).body("details.field", equalTo("pcgsNumber"));
        Api.asUser("u").queryParam("pcgsNumber", 999999998).get("/api/coins/price-guide").then().statusCode(404);
        Api.asUser("u").queryParam("coinReferenceId", "nope").get("/api/coins/price-guide").then().statusCode(404);
        Api.asUser("u").queryParam("pcgsNumber", 1).queryParam("from", "yesterday").get("/api/coins/price-guide").then()
                .statusCode(400).body("details.field", equalTo("from"));
        for (String bad : List.of("abc", "0", "-5", "2147483648", "1e3", "99999999999999999999")) {
            Api.asUser("u").queryParam("pcgsNumber", bad).get("/api/coins/price-guide").then().statusCode(400)
                    .body("error", equalTo("Invalid pcgsNumber: must be an integer from 1 to 2147483647"))
                    .body("details.field", equalTo("pcgsNumber"));
        }
    }

    @Test
    void bulkWritesUseAConstantNumberOfStatements() {
        PgWireProxy proxy = PgWireProxy.current();
        // The grade list is read once and cached; load it so both imports see the same cache.
        Api.asUser("u").get("/api/grades").then().statusCode(200);
        int small = statementsForImport(proxy, 3);
        int large = statementsForImport(proxy, 3000);
        assertEquals(small, large, "statements for 3 and for 3,000 rows");
        assertEquals(2, small, "resolve coins, one upsert");
    }

    private int statementsForImport(PgWireProxy proxy, int rows) {
        String coins = IntStream.range(0, rows).mapToObj(i -> coinJson(TestData.nextPcgsNumber(), "Bulk " + i, "Bulk"))
                .collect(Collectors.joining(",", "[", "]"));
        List<Integer> numbers = Api.asAdmin(ADMIN).contentType("application/json").body(coins).post("/api/coins").then()
                .statusCode(200).extract().path("data.coins.pcgsNumber");
        String prices = numbers.stream().map(n -> "{\"pcgsNumber\": " + n + ", \"gradeCode\": \"MS62\", \"priceDate\": \""
                + TestData.daysAgo(1) + "\", \"pcgsPrice\": 5}").collect(Collectors.joining(",", "[", "]"));
        proxy.resetStatements();
        Api.asAdmin(ADMIN).contentType("application/json").body(prices).post("/api/coins/price-guide").then()
                .statusCode(200).body("data.upserted", equalTo(rows));
        return proxy.statements().size();
    }
}
