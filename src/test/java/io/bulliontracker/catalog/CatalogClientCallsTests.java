package io.bulliontracker.catalog;

import static io.restassured.config.EncoderConfig.encoderConfig;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.PgWireProxy;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The deployed clients' catalog calls (client-calls.md W07, W08, W09, M01, M02, M04, M05), replayed as
 * they send them, asserting every field they read. The web client's calls reach the service through
 * the app's server, which adds the bearer token; the mobile client sends its bearer token and
 * {@code Content-Type: application/json} on every call, GET included.
 */
@QuarkusTest
class CatalogClientCallsTests {

    private static RequestSpecification web(String user) {
        return Api.asUser(user);
    }

    private static RequestSpecification mobile(String user) {
        return Api.asUser(user)
                .config(Api.EXACT_NUMBERS.encoderConfig(encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Content-Type", "application/json");
    }

    /** A coin named {@code fullName} in {@code series}, made through the admin import. */
    private static String coin(int pcgs, int year, String fullName, String series) {
        return Api.asAdmin("catalog-admin").contentType("application/json")
                .body("[{\"pcgsNumber\": " + pcgs + ", \"year\": " + year + ", \"denomination\": \"$1\", \"series\": \""
                        + series + "\", \"fullName\": \"" + fullName + "\"}]")
                .post("/api/coins").then().statusCode(200).extract().path("data.coins[0].id");
    }

    @Test
    void w08WebGradesAreAnObjectWithOnlyData() {
        Map<String, Object> body = web(TestData.newUser()).get("/api/grades").then().statusCode(200)
                .body("data", hasSize(41))
                .body("data.gradeCode", hasItem("MS65"))
                .body("data.gradeCode", everyItem(notNullValue()))
                .extract().as(Map.class);
        // A success member crashes the web client's grade form.
        assertEquals(List.of("data"), List.copyOf(body.keySet()));
    }

    @Test
    void m05MobileGradesCarryCodeCategoryValueAndOrder() {
        mobile(TestData.newUser()).get("/api/grades").then().statusCode(200)
                .body("$", not(hasKey("success")))
                .body("data[0].gradeCode", equalTo("PO01"))
                .body("data[0].gradeCategory", equalTo("circulated"))
                .body("data[0].numericValue", equalTo(1))
                .body("data[0].displayOrder", equalTo(1))
                .body("data[24].gradeCode", equalTo("MS65"))
                .body("data[24].gradeCategory", equalTo("mint_state"))
                .body("data[24].numericValue", equalTo(65))
                .body("data[24].displayOrder", equalTo(25))
                .body("data[40].gradeCode", equalTo("PR70"))
                .body("data[40].gradeCategory", equalTo("proof"));
    }

    @Test
    void gradesAreReadOnceAndKept() {
        PgWireProxy proxy = PgWireProxy.current();
        web(TestData.newUser()).get("/api/grades").then().statusCode(200);
        proxy.resetStatements();
        web(TestData.newUser()).get("/api/grades").then().statusCode(200).body("data", hasSize(41));
        assertEquals(List.of(), proxy.statements());
    }

    @Test
    void w07WebSearchByWordsIsABareArrayOfIdNameAndNumber() {
        int pcgs = TestData.nextPcgsNumber();
        String id = coin(pcgs, 1921, "1921 Morgan Dollar", "Morgan Dollar");
        List<Map<String, Object>> coins = web(TestData.newUser()).queryParam("q", "morgan 1921")
                .get("/api/coins/search").then().statusCode(200)
                .body("id", hasItem(id))
                .extract().jsonPath().getList("");
        Map<String, Object> mine = coins.stream().filter(c -> id.equals(c.get("id"))).findFirst().orElseThrow();
        assertEquals("1921 Morgan Dollar", mine.get("fullName"));
        assertEquals(pcgs, mine.get("pcgsNumber"));
        for (Map<String, Object> c : coins) {
            String text = (c.get("fullName") + " " + c.get("series")).toLowerCase(Locale.ROOT);
            assertTrue(text.contains("morgan") && text.contains("1921"), text);
        }
    }

    @Test
    void w07WebSearchByPcgsNumberAfterACertLookup() {
        int pcgs = TestData.nextPcgsNumber();
        String id = coin(pcgs, 1881, "1881-S Morgan Dollar", "Morgan Dollar");
        web(TestData.newUser()).queryParam("q", String.valueOf(pcgs)).get("/api/coins/search").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(id))
                .body("[0].fullName", equalTo("1881-S Morgan Dollar"))
                .body("[0].pcgsNumber", equalTo(pcgs));
    }

    @Test
    void m01MobileSearchGetsTheBareArrayWithItsFallbackKeys() {
        String tag = "mob" + TestData.nextPcgsNumber();
        int pcgs = TestData.nextPcgsNumber();
        String id = coin(pcgs, 1921, "1921 Morgan Dollar " + tag, "Morgan Dollar");
        // The client's own words, plus a tag that keeps other tests' coins out.
        mobile(TestData.newUser()).queryParam("q", "1921 morgan " + tag).queryParam("limit", 10)
                .get("/api/coins/search").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(id))
                .body("[0].fullName", equalTo("1921 Morgan Dollar " + tag))
                .body("[0].pcgsNumber", equalTo(pcgs))
                .body("[0].series", equalTo("Morgan Dollar"))
                .body("[0].year", equalTo(1921));
    }

    @Test
    void m02MobileCacheSyncAsksForAThousandAndGetsAHundred() {
        String tag = "sync" + TestData.nextPcgsNumber();
        StringBuilder coins = new StringBuilder("[");
        IntStream.range(0, 101).forEach(i -> coins.append(i == 0 ? "" : ",").append("{\"pcgsNumber\": ")
                .append(TestData.nextPcgsNumber()).append(", \"year\": 1900, \"denomination\": \"1C\", \"series\": \"S\", ")
                .append("\"fullName\": \"").append(tag).append(String.format(" %03d", i)).append("\"}"));
        Api.asAdmin("catalog-admin").contentType("application/json").body(coins.append("]").toString())
                .post("/api/coins").then().statusCode(200).body("data.created", equalTo(101));
        mobile(TestData.newUser()).queryParam("q", tag).queryParam("limit", 1000).get("/api/coins/search").then()
                .statusCode(200)
                .body("", hasSize(100))
                .body("[0].fullName", equalTo(tag + " 000"))
                .body("[99].fullName", equalTo(tag + " 099"));
    }

    @Test
    void w09WebPriceLookupIsTheLatestPricedRow() {
        String coin = TestData.coin("W09 coin");
        TestData.price(coin, "MS65", TestData.daysAgo(30), "100.00", "90.00");
        TestData.price(coin, "MS65", TestData.daysAgo(10), "120.50", "110.00");
        // Newer rows: one greysheet-only (priced by greysheet), one with no price at all (not a priced row).
        TestData.price(coin, "MS64", TestData.daysAgo(2), null, "70.25");
        web(TestData.newUser()).queryParam("coinReferenceId", coin).queryParam("grade", "MS65")
                .get("/api/coins/price-guide").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.price", comparesEqualTo(new BigDecimal("120.50")))
                .body("data.priceDate", equalTo(TestData.daysAgo(10).toString()))
                .body("data.confidenceLevel", equalTo("high"));
        web(TestData.newUser()).queryParam("coinReferenceId", coin).queryParam("grade", "MS64")
                .get("/api/coins/price-guide").then().statusCode(200)
                .body("data.price", comparesEqualTo(new BigDecimal("70.25")))
                .body("data.priceDate", equalTo(TestData.daysAgo(2).toString()));
    }

    @Test
    void aRowWithoutAnyPriceIsPassedOverForTheLatestPricedOne() {
        String coin = TestData.coin("Unpriced row coin");
        TestData.price(coin, "AU58", TestData.daysAgo(9), null, "41.00");
        TestData.price(coin, "AU58", TestData.daysAgo(1), null, null);
        web(TestData.newUser()).queryParam("coinReferenceId", coin).queryParam("grade", "AU58")
                .get("/api/coins/price-guide").then().statusCode(200)
                .body("data.price", comparesEqualTo(new BigDecimal("41.00")))
                .body("data.priceDate", equalTo(TestData.daysAgo(9).toString()));
    }

    @Test
    void m04MobilePriceLookupIgnoresTheEstimateMarkCaseAndSpaces() {
        String coin = TestData.coin("M04 coin");
        TestData.price(coin, "MS63", TestData.daysAgo(5), "55.55", "50.00");
        for (String grade : List.of("MS63", "~MS63", "ms 63", " ~ Ms63 ")) {
            mobile(TestData.newUser()).queryParam("coinReferenceId", coin).queryParam("grade", grade)
                    .get("/api/coins/price-guide").then().statusCode(200)
                    .body("data.price", comparesEqualTo(new BigDecimal("55.55")))
                    .body("data.priceDate", equalTo(TestData.daysAgo(5).toString()))
                    .body("data.confidenceLevel", equalTo("high"));
        }
    }

    @Test
    void m04FreeTextOrUnpricedGradesAnswerDataNull() {
        String coin = TestData.coin("M04 null coin");
        TestData.price(coin, "MS63", TestData.daysAgo(5), "55.55", null);
        // RAW coins send free text; a code with no row has no price either.
        for (String grade : List.of("Raw - looks XF", "MS64", "MS65+", "~", " ")) {
            Map<String, Object> body = mobile(TestData.newUser()).queryParam("coinReferenceId", coin)
                    .queryParam("grade", grade).get("/api/coins/price-guide").then().statusCode(200)
                    .body("success", equalTo(true))
                    .body("data", nullValue())
                    .extract().as(Map.class);
            assertTrue(body.containsKey("data"), "data is written as null: " + body);
        }
    }

    @Test
    void anEmptyGradeCountsAsAbsentLikeEveryEmptyParameter() {
        String coin = TestData.coin("Empty grade coin");
        TestData.price(coin, "MS63", TestData.daysAgo(5), "55.55", null);
        web(TestData.newUser()).urlEncodingEnabled(false).get("/api/coins/price-guide?coinReferenceId=" + coin + "&grade=")
                .then().statusCode(200)
                .body("data.gradeCode", contains("MS63"));
    }

    @Test
    void thePriceLookupTakesOneStatement() {
        String coin = TestData.coin("Budget coin");
        TestData.price(coin, "MS65", TestData.daysAgo(5), "10.00", null);
        web(TestData.newUser()).get("/api/grades").then().statusCode(200);
        PgWireProxy proxy = PgWireProxy.current();
        proxy.resetStatements();
        web(TestData.newUser()).queryParam("coinReferenceId", coin).queryParam("grade", "MS65")
                .get("/api/coins/price-guide").then().statusCode(200).body("data.price", comparesEqualTo(BigDecimal.TEN));
        assertEquals(1, proxy.statements().size(), () -> "statements: " + proxy.statements());
    }

    @Test
    void thePriceLookupNeedsAKnownCoinNamedOnce() {
        int pcgsA = TestData.nextPcgsNumber();
        String a = TestData.coin(pcgsA, "Coin A");
        String b = TestData.coin("Coin B");
        TestData.price(a, "MS65", TestData.daysAgo(1), "5.00", null);
        web("u").queryParam("coinReferenceId", "no-such-coin").queryParam("grade", "MS65")
                .get("/api/coins/price-guide").then().statusCode(404).body("success", equalTo(false));
        web("u").queryParam("coinReferenceId", "no-such-coin").queryParam("grade", "not a grade")
                .get("/api/coins/price-guide").then().statusCode(404);
        web("u").queryParam("grade", "MS65").get("/api/coins/price-guide").then().statusCode(400)
                .body("details.field", equalTo("pcgsNumber"));
        web("u").queryParam("coinReferenceId", b).queryParam("pcgsNumber", pcgsA).queryParam("grade", "MS65")
                .get("/api/coins/price-guide").then().statusCode(400)
                .body("error", equalTo("Invalid pcgsNumber: pcgsNumber and coinReferenceId name different coins"));
        web("u").queryParam("coinReferenceId", a).queryParam("pcgsNumber", pcgsA).queryParam("grade", "MS65")
                .get("/api/coins/price-guide").then().statusCode(200).body("data.price", comparesEqualTo(new BigDecimal("5")));
        web("u").queryParam("pcgsNumber", pcgsA).queryParam("grade", "~ms65")
                .get("/api/coins/price-guide").then().statusCode(200).body("data.price", comparesEqualTo(new BigDecimal("5")));
        web("u").queryParam("coinReferenceId", a).queryParam("pcgsNumber", TestData.nextPcgsNumber()).queryParam("grade", "MS65")
                .get("/api/coins/price-guide").then().statusCode(404);
        web("u").queryParam("coinReferenceId", a).queryParam("grade", "MS65").queryParam("from", "2024-01-01")
                .get("/api/coins/price-guide").then().statusCode(400).body("details.field", equalTo("grade"));
        web("u").queryParam("coinReferenceId", a).queryParam("grade", "MS65").queryParam("gradeCode", "MS65")
                .get("/api/coins/price-guide").then().statusCode(400).body("details.field", equalTo("grade"));
    }

    @Test
    void historyKeysMustNameTheSameCoinAndGradeCodesIgnoreCaseAndSpaces() {
        int pcgsA = TestData.nextPcgsNumber();
        String a = TestData.coin(pcgsA, "History A");
        String b = TestData.coin("History B");
        TestData.price(a, "MS63", TestData.daysAgo(4), "1.00", null);
        TestData.price(a, "MS64", TestData.daysAgo(4), "2.00", null);
        web("u").queryParam("coinReferenceId", b).queryParam("pcgsNumber", pcgsA).get("/api/coins/price-guide").then()
                .statusCode(400).body("details.reason", equalTo("pcgsNumber and coinReferenceId name different coins"));
        web("u").queryParam("coinReferenceId", a).queryParam("pcgsNumber", pcgsA).queryParam("gradeCode", "ms 63")
                .get("/api/coins/price-guide").then().statusCode(200)
                .body("data.gradeCode", contains("MS63"))
                .body("data[0].coinReferenceId", equalTo(a))
                .body("data[0].pcgsNumber", equalTo(pcgsA));
        web("u").queryParam("coinReferenceId", b).get("/api/coins/price-guide").then().statusCode(200)
                .body("success", equalTo(true)).body("data", hasSize(0));
        PgWireProxy proxy = PgWireProxy.current();
        proxy.resetStatements();
        web("u").queryParam("pcgsNumber", pcgsA).get("/api/coins/price-guide").then().statusCode(200)
                .body("data.gradeCode", contains("MS63", "MS64"));
        assertEquals(1, proxy.statements().size(), () -> "statements: " + proxy.statements());
    }
}
