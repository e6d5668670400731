package io.bulliontracker.reliability;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.allOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.ResponseChecks;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input, table-driven over every write route and query parameter: each gets the contract's 4xx
 * envelope, leaks nothing internal, and writes nothing (row counts of every table before and after).
 */
@QuarkusTest
class HostileInputTests {

    private static final String USER = "hostile-user";
    private static final String ADMIN = "hostile-admin";
    private static String itemId;

    private static final String DEEP_ARRAY = "[".repeat(50_000) + "]".repeat(50_000);
    private static final String DEEP_OBJECT = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
    private static final String LONG = "x".repeat(10_000);
    private static final String SQL = "'; DROP TABLE collection_items; --";

    /** Bodies that are hostile for any JSON route. */
    private static final List<String> HOSTILE_JSON = List.of(
            "{", "{\"a\":}", "nul", "[1,]", DEEP_ARRAY, DEEP_OBJECT, "{\"weightOz\": NaN}", "{\"weightOz\": Infinity}",
            "{\"quantity\": -Infinity}", "\"just a string\"", "12345", "{\"category\": 5}", "{\"quantity\": 1e400}");

    @BeforeEach
    void anItemToPatch() {
        if (itemId != null) {
            return;
        }
        itemId = Api.asUser(USER).contentType("application/json")
                .body("{\"category\": \"BULLION\", \"type\": \"bulk\", \"metal\": \"gold\", \"bookValueType\": \"spot_premium\", \"weightOz\": 1}")
                .post("/api/collection").then().statusCode(201).extract().path("data.id");
    }

    record Case(String name, String method, String path, String contentType, String body) {
        @Override
        public String toString() {
            return method + " " + path.substring(0, Math.min(path.length(), 60)) + " [" + name + "]";
        }
    }

    static Stream<Arguments> hostileRequests() {
        List<Case> cases = new ArrayList<>();
        for (String body : HOSTILE_JSON) {
            String label = body.length() > 30 ? body.substring(0, 12) + "…(" + body.length() + ")" : body;
            cases.add(new Case(label, "POST", "/api/collection", "application/json", body));
            cases.add(new Case(label, "PATCH", "/api/collection/{item}", "application/json", body));
            cases.add(new Case(label, "PUT", "/api/collection/{item}", "application/json", body));
            cases.add(new Case(label, "POST", "/api/coins", "application/json", body));
            cases.add(new Case(label, "POST", "/api/coins/price-guide", "application/json", body));
            if (HOSTILE_JSON.indexOf(body) < 9) {
                // Sync ignores fields other than itemId, so only broken JSON is hostile to it.
                cases.add(new Case(label, "POST", "/api/collection/sync-prices", "application/json", body));
            }
        }
        String item = "{\"category\": \"BULLION\", \"type\": \"bulk\", \"metal\": \"gold\", \"bookValueType\": \"spot_premium\", \"weightOz\": 1";
        for (String field : List.of("\"category\": \"" + SQL + "\"", "\"metal\": \"ＧＯＬＤ\"", "\"title\": \"" + LONG + "\"",
                "\"notes\": \"a\\u0000b\"", "\"quantity\": 99999999999", "\"quantity\": -5", "\"weightOz\": -1e30",
                "\"purchasePrice\": 123456789012345678901234567890", "\"purchaseDate\": \"" + SQL + "\"",
                "\"grade\": \"" + SQL + "\"", "\"coinReferenceId\": [1,2]", "\"isProblemCoin\": \"yes\"",
                "\"bookValueType\": null", "\"premiumPercent\": 1e12", "\"metalPurity\": 1e-100000000",
                "\"images\": [\"javascript:alert(1)\"]", "\"images\": \"https://x/1.jpg\"",
                "\"purchaseDate\": \"2999-01-01T00:00:00Z\"")) {
            cases.add(new Case(field.length() > 40 ? field.substring(0, 40) : field, "POST", "/api/collection",
                    "application/json", item + ", " + field + "}"));
            cases.add(new Case(field.length() > 40 ? field.substring(0, 40) : field, "PATCH", "/api/collection/{item}",
                    "application/json", "{" + field + "}"));
            cases.add(new Case(field.length() > 40 ? field.substring(0, 40) : field, "PUT", "/api/collection/{item}",
                    "application/json", "{" + field + "}"));
        }
        String coin = "{\"pcgsNumber\": 424242, \"year\": 1900, \"denomination\": \"1C\", \"series\": \"S\", \"fullName\": \"F\"";
        for (String field : List.of("\"pcgsNumber\": -1", "\"pcgsNumber\": 1e10", "\"year\": \"MCM\"", "\"fullName\": \"" + LONG + "\"",
                "\"series\": \"a\\u0000\"", "\"weightOz\": NaN", "\"mintage\": -1", "\"fullName\": null",
                "\"weightOz\": 1e20", "\"fineness\": 1e-100000000")) {
            cases.add(new Case(field, "POST", "/api/coins", "application/json", "[" + coin + ", " + field + "}]"));
        }
        for (String itemId : List.of("42", "[\"a\"]", "{\"id\": 1}", "\"a\\u0000b\"", "true", "\"\"")) {
            cases.add(new Case("itemId " + itemId, "POST", "/api/collection/sync-prices", "application/json",
                    "{\"itemId\": " + itemId + "}"));
        }
        cases.add(new Case("nul in id", "GET", "/api/collection/a%00b", null, null));
        cases.add(new Case("nul in id", "PATCH", "/api/collection/a%00b", "application/json", "{}"));
        cases.add(new Case("nul in cursor", "GET", "/api/collection?limit=2&cursor=a%00b", null, null));
        cases.add(new Case("nul in coin id", "GET", "/api/coins/price-guide?coinReferenceId=a%00b", null, null));
        cases.add(new Case("10,001 coins", "POST", "/api/coins", "application/json",
                IntStream.range(0, 10_001).mapToObj(i -> "{}").collect(Collectors.joining(",", "[", "]"))));
        cases.add(new Case("100,001 price rows", "POST", "/api/coins/price-guide", "application/json",
                IntStream.range(0, 100_001).mapToObj(i -> "{}").collect(Collectors.joining(",", "[", "]"))));
        cases.add(new Case("empty array", "POST", "/api/coins/price-guide", "application/json", "[]"));
        String row = "{\"pcgsNumber\": 1, \"gradeCode\": \"MS65\", \"priceDate\": \"2024-01-01\"";
        for (String field : List.of("\"pcgsPrice\": -0.01", "\"pcgsPrice\": 1e15", "\"gradeCode\": \"" + SQL + "\"",
                "\"priceDate\": \"2024-02-30\"", "\"priceDate\": \"" + LONG + "\"", "\"pcgsPrice\": \"cheap\"",
                "\"pcgsPrice\": 1e-100000000", "\"greysheetPrice\": 1e20")) {
            cases.add(new Case(field, "POST", "/api/coins/price-guide", "application/json", "[" + row + ", " + field + "}]"));
        }
        for (String csv : List.of("", "pcgsNumber,gradeCode\n1,MS65", "pcgsNumber,gradeCode,priceDate,pcgsPrice,greysheetPrice\n1,MS65,2024-01-01,NaN,",
                "pcgsNumber,gradeCode,priceDate,pcgsPrice,greysheetPrice\n" + SQL + ",MS65,2024-01-01,1,",
                "pcgsNumber,gradeCode,priceDate,pcgsPrice,greysheetPrice\n1,MS65,2024-01-01,1,2,3",
                "pcgsNumber,gradeCode,priceDate,pcgsPrice,greysheetPrice\n1,\"MS65,2024-01-01,1,")) {
            cases.add(new Case("csv " + csv.length(), "POST", "/api/coins/price-guide", "text/csv", csv));
        }
        for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            cases.add(new Case(contentType, "POST", "/api/collection", contentType, "category=BULLION"));
            cases.add(new Case(contentType, "POST", "/api/coins", contentType, "<coins/>"));
        }
        String[] badDays = {"0", "-1", "3651", "1e3", "NaN", "Infinity", "99999999999999999999", SQL, LONG, "%00"};
        for (String days : badDays) {
            cases.add(new Case("days=" + days.length(), "GET", "/api/coins/performance?days=" + encode(days), null, null));
        }
        for (String limit : List.of("0", "-1", "abc", "1e2", "NaN", "99999999999999999999")) {
            cases.add(new Case("limit " + limit, "GET", "/api/collection?limit=" + encode(limit), null, null));
            // Search caps any larger positive limit at 100 (the contract), so only the others are hostile to it.
            if (!limit.startsWith("9")) {
                cases.add(new Case("search limit " + limit, "GET", "/api/coins/search?q=a&limit=" + encode(limit), null, null));
            }
        }
        cases.add(new Case("cursor sql", "GET", "/api/collection?limit=5&cursor=" + encode(SQL), null, null));
        cases.add(new Case("cursor long", "GET", "/api/collection?limit=5&cursor=" + LONG, null, null));
        cases.add(new Case("q long", "GET", "/api/coins/search?q=" + LONG.substring(0, 300), null, null));
        cases.add(new Case("q nul", "GET", "/api/coins/search?q=a%00b", null, null));
        cases.add(new Case("history from", "GET", "/api/collection/{item}/history?from=" + encode(SQL), null, null));
        cases.add(new Case("history to", "GET", "/api/collection/{item}/history?to=2024-13-01", null, null));
        cases.add(new Case("history limit", "GET", "/api/collection/{item}/history?limit=366", null, null));
        cases.add(new Case("price-guide from", "GET", "/api/coins/price-guide?pcgsNumber=1&from=" + encode(SQL), null, null));
        cases.add(new Case("price-guide grade", "GET", "/api/coins/price-guide?pcgsNumber=1&gradeCode=" + encode(SQL), null, null));
        cases.add(new Case("coin sql", "GET", "/api/coins/" + encode(SQL), null, null));
        cases.add(new Case("coin over int", "GET", "/api/coins/2147483648", null, null));
        cases.add(new Case("price-guide pcgs over int", "GET", "/api/coins/price-guide?pcgsNumber=2147483648", null, null));
        cases.add(new Case("price-guide client grade", "GET", "/api/coins/price-guide?coinReferenceId=" + encode(SQL)
                + "&grade=" + encode(SQL), null, null));
        cases.add(new Case("price-guide nul with grade", "GET", "/api/coins/price-guide?coinReferenceId=a%00b&grade=MS65", null, null));
        cases.add(new Case("item sql", "GET", "/api/collection/" + encode(SQL), null, null));
        cases.add(new Case("item unicode", "DELETE", "/api/collection/%F0%9F%AA%99", null, null));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void hostileRequestGetsA4xxEnvelopeAndWritesNothing(Case c) {
        String before = rowCounts();
        RequestSpecification request = c.path.contains("/api/coins") && !c.method.equals("GET") ? Api.asAdmin(ADMIN) : Api.asUser(USER);
        request = request.urlEncodingEnabled(false);
        if (c.contentType != null) {
            request = request.contentType(c.contentType).body(c.body);
        }
        String path = c.path.replace("{item}", itemId);
        String body = request.request(c.method, path).then()
                .statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)))
                .body("success", equalTo(false))
                .extract().asString();
        ResponseChecks.assertLeaksNothing(body);
        assertEquals(before, rowCounts(), "rows changed");
    }

    @Test
    void legitimateUnicodeAndSqlLookingTextIsStoredLiterally() {
        String title = "🪙 Ünïcödé 1909-S “VDB” " + SQL;
        String id = Api.asUser(USER).contentType("application/json")
                .body("{\"category\": \"BULLION\", \"type\": \"bulk\", \"metal\": \"gold\", \"bookValueType\": \"spot_premium\", \"weightOz\": 1, \"title\": \""
                        + title.replace("\"", "\\\"").replace("“", "\\u201c").replace("”", "\\u201d") + "\"}")
                .post("/api/collection").then().statusCode(201).extract().path("data.id");
        Api.asUser(USER).get("/api/collection/" + id).then().statusCode(200).body("data.title", equalTo(title));
        assertEquals(1, TestData.count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'collection_items'"));
    }

    private static String rowCounts() {
        return TestData.rows("SELECT (SELECT count(*) FROM collection_items) || '/' || (SELECT count(*) FROM coin_references) || '/' "
                + "|| (SELECT count(*) FROM price_guide) || '/' || (SELECT count(*) FROM item_value_history) || '/' "
                + "|| (SELECT count(*) FROM valid_grades)").get(0).get(0).toString();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
