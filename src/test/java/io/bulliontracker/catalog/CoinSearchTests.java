package io.bulliontracker.catalog;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.PgWireProxy;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/coins/search}: a bare array; limits capped, not refused; every word counts. */
@QuarkusTest
class CoinSearchTests {

    /** 105 coins "<TAG> 000" … "<TAG> 104", so that the limits have more than 100 to cut. */
    private static final String TAG = "srch" + TestData.nextPcgsNumber();

    @BeforeEach
    void manyCoinsOfOneTag() {
        if (TestData.count("SELECT count(*) FROM coin_references WHERE full_name LIKE ?", TAG + "%") > 0) {
            return;
        }
        String coins = IntStream.range(0, 105).mapToObj(i -> "{\"pcgsNumber\": " + TestData.nextPcgsNumber()
                        + ", \"year\": 1900, \"denomination\": \"1C\", \"series\": \"Tag series\", \"fullName\": \""
                        + TAG + String.format(" %03d", i) + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        Api.asAdmin("search-admin").contentType("application/json").body(coins).post("/api/coins").then().statusCode(200);
    }

    @ParameterizedTest(name = "limit={0} gives {1}")
    @CsvSource(delimiter = '|', value = {"1|1", "7|7", "007|7", "20|20", "100|100", "101|100", "1000|100",
            "2147483648|100", "9999999999|100", "99999999999999999999|100"})
    void largerLimitsAreCappedAtAHundred(String limit, int expected) {
        Api.asUser("u").queryParam("q", TAG).queryParam("limit", limit).get("/api/coins/search").then().statusCode(200)
                .body("", hasSize(expected))
                .body("[0].fullName", equalTo(TAG + " 000"));
    }

    @Test
    void withoutALimitOrWithAnEmptyOneTwentyComeBack() {
        Api.asUser("u").queryParam("q", TAG).get("/api/coins/search").then().statusCode(200).body("", hasSize(20));
        // An empty value counts as absent, as for every optional query parameter.
        Api.asUser("u").urlEncodingEnabled(false).get("/api/coins/search?q=" + TAG + "&limit=").then().statusCode(200)
                .body("", hasSize(20));
    }

    @Test
    void aBlankOrMissingQueryIsAnEmptyArrayWithoutAskingTheDatabase() {
        PgWireProxy proxy = PgWireProxy.current();
        proxy.resetStatements();
        Api.asUser("u").get("/api/coins/search").then().statusCode(200).body("", hasSize(0));
        Api.asUser("u").urlEncodingEnabled(false).get("/api/coins/search?q=").then().statusCode(200).body("", hasSize(0));
        Api.asUser("u").queryParam("q", "   ").queryParam("limit", 5).get("/api/coins/search").then().statusCode(200)
                .body("", hasSize(0));
        Api.asUser("u").urlEncodingEnabled(false).get("/api/coins/search?q=%09%20&limit=1000").then().statusCode(200)
                .body("", hasSize(0));
        assertEquals(List.of(), proxy.statements());
    }

    @Test
    void aSearchIsOneStatementWhateverTheNumberOfWords() {
        PgWireProxy proxy = PgWireProxy.current();
        proxy.resetStatements();
        Api.asUser("u").queryParam("q", TAG).get("/api/coins/search").then().statusCode(200);
        Api.asUser("u").queryParam("q", TAG + " TAG series s e r i e s t a g").get("/api/coins/search").then()
                .statusCode(200).body("", hasSize(20));
        List<String> statements = proxy.statements();
        assertEquals(2, statements.size(), () -> "statements: " + statements);
        assertEquals(1, statements.stream().distinct().count(), "the same statement text for 1 and 14 words");
    }

    @Test
    void theWordsAreLookedUpInTheTrigramIndexAndTheNumberInItsOwn() throws Exception {
        // The test table is small enough for a sequential scan to win; forbidding it shows what the
        // statement lets the planner use, which is what matters on the real catalog.
        StringBuilder plan = new StringBuilder();
        try (Connection c = TestData.connect(); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            s.execute("PREPARE search_plan AS " + CoinCatalog.SEARCH);
            try (ResultSet rows = s.executeQuery("EXPLAIN EXECUTE search_plan('%morgan%', '%dollar%', '%1921%', "
                    + "'%morgan%', ARRAY['%morgan%', '%dollar%', '%1921%', '%d%', '%cc%'], 1921, 20)")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }
        assertTrue(plan.toString().contains("Bitmap Index Scan on coin_references_search_idx"), plan.toString());
        assertTrue(plan.toString().contains("Bitmap Index Scan on coin_references_year_idx"), plan.toString());
        assertFalse(plan.toString().contains("Seq Scan"), plan.toString());
    }

    @Test
    void wordsPastTheEighthStillCount() {
        String tag = "nine" + TestData.nextPcgsNumber();
        String words = tag + " alpha beta gamma delta epsilon zeta eta";
        int theta = TestData.nextPcgsNumber();
        TestData.coin(theta, words + " theta");
        TestData.coin(words + " iota");
        Api.asUser("u").queryParam("q", words).get("/api/coins/search").then().statusCode(200).body("", hasSize(2));
        Api.asUser("u").queryParam("q", words + " theta").get("/api/coins/search").then().statusCode(200)
                .body("pcgsNumber", contains(theta));
        Api.asUser("u").queryParam("q", words + " theta kappa").get("/api/coins/search").then().statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void aNumericQueryFindsTheYearAndThePcgsNumber() {
        String tag = "year" + TestData.nextPcgsNumber();
        String id = TestData.coin(tag + " Hammered Penny");
        TestData.update("UPDATE coin_references SET year = 1066 WHERE id = ?", id);
        Api.asUser("u").queryParam("q", "1066").queryParam("limit", 100).get("/api/coins/search").then().statusCode(200)
                .body("id", hasItem(id));
        Api.asUser("u").queryParam("q", " 1066 ").queryParam("limit", 100).get("/api/coins/search").then().statusCode(200)
                .body("id", hasItem(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "ten", "1e2", "1.5", "+5", "0x10", "NaN"})
    void aLimitThatIsNotAPositiveIntegerIsRefused(String limit) {
        Api.asUser("u").queryParam("q", TAG).queryParam("limit", limit).get("/api/coins/search").then().statusCode(400)
                .body("success", equalTo(false))
                .body("details.field", equalTo("limit"))
                .body("details.reason", equalTo("must be a positive integer (values over 100 count as 100)"));
    }

    @Test
    void aLongOrNulQueryIsRefused() {
        Api.asUser("u").queryParam("q", "x".repeat(201)).get("/api/coins/search").then().statusCode(400)
                .body("details.field", equalTo("q")).body("details.reason", equalTo("must be at most 200 characters"));
        Api.asUser("u").urlEncodingEnabled(false).get("/api/coins/search?q=a%00b").then().statusCode(400)
                .body("details.field", equalTo("q")).body("details.reason", equalTo("must not contain a NUL character"));
        Api.asUser("u").queryParam("q", "x".repeat(200)).get("/api/coins/search").then().statusCode(200)
                .body("", hasSize(0));
    }
}
