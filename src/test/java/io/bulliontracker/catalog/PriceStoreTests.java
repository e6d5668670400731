package io.bulliontracker.catalog;

import static io.bulliontracker.testing.TestData.daysAgo;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The current price kept beside the history by the import ({@code price_guide_latest}): whatever order
 * rows arrive in, performance, sync, the coin's latest prices per grade and the clients' lookup all
 * read the latest priced row. And imports that meet on the same rows all succeed.
 */
@QuarkusTest
class PriceStoreTests {

    private static final String ADMIN = "price-store-admin";

    private record Coin(String id, int pcgs) {
    }

    private static Coin coin() {
        int pcgs = TestData.nextPcgsNumber();
        String id = Api.asAdmin(ADMIN).contentType("application/json")
                .body("[{\"pcgsNumber\": " + pcgs + ", \"year\": 1916, \"denomination\": \"10C\", \"series\": \"Mercury\", "
                        + "\"fullName\": \"1916-D Mercury Dime\"}]")
                .post("/api/coins").then().statusCode(200).extract().path("data.coins[0].id");
        return new Coin(id, pcgs);
    }

    private static String row(Coin coin, String grade, int daysAgo, String pcgs, String grey) {
        return "{\"coinReferenceId\": \"" + coin.id() + "\", \"gradeCode\": \"" + grade + "\", \"priceDate\": \""
                + daysAgo(daysAgo) + "\", \"pcgsPrice\": " + pcgs + ", \"greysheetPrice\": " + grey + "}";
    }

    private static Response importRows(String... rows) {
        return Api.asAdmin(ADMIN).contentType("application/json").body("[" + String.join(",", rows) + "]")
                .post("/api/coins/price-guide");
    }

    /** A user holding one guide-price item of the coin in MS65; returns the item's id. */
    private static String holder(String user, Coin coin) {
        return TestData.item(user, coin.id(), "MS65", "Dime", "guide_price");
    }

    /**
     * Every current-price read agrees: performance (current, and the price 30 days ago), sync's value,
     * the coin's latest MS65 row and the clients' lookup.
     */
    private static void assertCurrent(Coin coin, String date, String pcgs, String grey, String then) {
        String user = TestData.newUser();
        String item = holder(user, coin);
        BigDecimal market = new BigDecimal(pcgs != null ? pcgs : grey);
        BigDecimal book = new BigDecimal(grey != null ? grey : pcgs);
        BigDecimal was = new BigDecimal(then);
        Api.asUser(user).get("/api/coins/performance").then().statusCode(200)
                .body("data.coins", hasSize(1))
                .body("data.coins[0].currentPrice", comparesEqualTo(market))
                .body("data.coins[0].priceOneMonthAgo", comparesEqualTo(was))
                .body("data.coins[0].change", comparesEqualTo(market.subtract(was)))
                .body("data.coins[0].priceSource", equalTo(pcgs != null ? "PCGS" : "GREYSHEET"));
        Api.asUser(user).contentType("application/json").body("{}").post("/api/collection/sync-prices").then()
                .statusCode(200).body("data.synced", equalTo(1)).body("data.updated", equalTo(1));
        assertEquals(0, book.compareTo(TestData.decimal("SELECT numismatic_value FROM collection_items WHERE id = ?", item)));
        assertEquals(grey != null ? "greysheet" : "pcgs",
                TestData.rows("SELECT source FROM item_value_history WHERE item_id = ?", item).get(0).get(0));
        var latest = Api.asUser(user).get("/api/coins/" + coin.pcgs()).then().statusCode(200)
                .body("data.prices", hasSize(1))
                .body("data.prices[0].gradeCode", equalTo("MS65"))
                .body("data.prices[0].priceDate", equalTo(date));
        latest.body("data.prices[0].pcgsPrice", pcgs == null ? nullValue() : comparesEqualTo(new BigDecimal(pcgs)));
        latest.body("data.prices[0].greysheetPrice", grey == null ? nullValue() : comparesEqualTo(new BigDecimal(grey)));
        Api.asUser(user).queryParam("coinReferenceId", coin.id()).queryParam("grade", "~MS65")
                .get("/api/coins/price-guide").then().statusCode(200)
                .body("data.price", comparesEqualTo(market))
                .body("data.priceDate", equalTo(date));
    }

    @Test
    void aNewerRowBecomesTheCurrentPrice() {
        Coin coin = coin();
        importRows(row(coin, "MS65", 40, "100.00", "90.00")).then().statusCode(200).body("data.upserted", equalTo(1));
        importRows(row(coin, "MS65", 2, "120.00", "110.00")).then().statusCode(200).body("data.upserted", equalTo(1));

        assertCurrent(coin, daysAgo(2).toString(), "120.00", "110.00", "100.00");
    }

    @Test
    void aLateCorrectionOfAnOlderRowLeavesTheNewerCurrentPrice() {
        Coin coin = coin();
        importRows(row(coin, "MS65", 2, "120.00", "110.00"), row(coin, "MS65", 40, "100.00", "90.00"))
                .then().statusCode(200).body("data.upserted", equalTo(2));
        // The older row corrected, and an even older one arriving late: neither is the current price.
        importRows(row(coin, "MS65", 40, "95.00", "85.00"), row(coin, "MS65", 300, "50.00", "45.00"))
                .then().statusCode(200).body("data.upserted", equalTo(2));

        assertCurrent(coin, daysAgo(2).toString(), "120.00", "110.00", "95.00");
    }

    @Test
    void theNewestRowOfOneImportWinsWhateverItsPlaceInTheBody() {
        Coin coin = coin();
        importRows(row(coin, "MS65", 1, "130.00", "125.00"), row(coin, "MS65", 60, "80.00", "75.00"),
                row(coin, "MS65", 35, "101.00", "99.00")).then().statusCode(200).body("data.upserted", equalTo(3));

        assertCurrent(coin, daysAgo(1).toString(), "130.00", "125.00", "101.00");
    }

    @Test
    void reImportingTheLatestRowReplacesItsPricesAndARemovedPriceIsGone() {
        Coin coin = coin();
        importRows(row(coin, "MS65", 40, "100.00", "90.00"), row(coin, "MS65", 3, "120.00", "110.00"))
                .then().statusCode(200);
        // The same row again: its PCGS price removed, its Greysheet price corrected.
        importRows(row(coin, "MS65", 3, "null", "104.50")).then().statusCode(200).body("data.upserted", equalTo(1));

        assertCurrent(coin, daysAgo(3).toString(), null, "104.50", "100.00");
    }

    @Test
    void aRowWithOnlyAGreysheetPriceIsPricedByGreysheet() {
        Coin coin = coin();
        importRows(row(coin, "MS65", 45, "null", "60.00"), row(coin, "MS65", 5, "null", "66.00")).then().statusCode(200);

        assertCurrent(coin, daysAgo(5).toString(), null, "66.00", "60.00");
    }

    @Test
    void aRowWithNoPriceIsRefusedAndTheCurrentPriceStays() {
        Coin coin = coin();
        importRows(row(coin, "MS65", 40, "100.00", "90.00"), row(coin, "MS65", 3, "120.00", "110.00"))
                .then().statusCode(200);
        importRows(row(coin, "MS65", 3, "null", "null"), row(coin, "MS65", 1, "null", "null")).then().statusCode(400)
                .body("success", equalTo(false))
                .body("details.invalidRows", equalTo(2));

        assertCurrent(coin, daysAgo(3).toString(), "120.00", "110.00", "100.00");
    }

    @Test
    void aCoinWithoutPricesHasNoCurrentPrice() {
        Coin coin = coin();
        String user = TestData.newUser();
        holder(user, coin);
        Api.asUser(user).get("/api/coins/performance").then().statusCode(200).body("data.coins", hasSize(0));
        Api.asUser(user).get("/api/coins/" + coin.pcgs()).then().statusCode(200).body("data.prices", hasSize(0));
        Api.asUser(user).queryParam("coinReferenceId", coin.id()).queryParam("grade", "MS65")
                .get("/api/coins/price-guide").then().statusCode(200).body("data", nullValue());
    }

    // ---- Concurrent imports (issue #15) ----

    private static final List<String> GRADES = List.of("MS63", "MS64", "MS65", "MS66");

    /** 30 coins x 4 grades x 2 days = 240 rows, in key order; the newer day's PCGS price is 100 + coin + grade. */
    private static List<String> sharedRows(List<Coin> coins) {
        List<String> rows = new ArrayList<>();
        for (int c = 0; c < coins.size(); c++) {
            for (int g = 0; g < GRADES.size(); g++) {
                rows.add(row(coins.get(c), GRADES.get(g), 40, (50 + c) + ".00", "null"));
                rows.add(row(coins.get(c), GRADES.get(g), 1, (100 + c + g) + ".25", (90 + c) + ".50"));
            }
        }
        return rows;
    }

    private static List<Coin> coins(int n) {
        List<String> body = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            numbers.add(TestData.nextPcgsNumber());
            body.add("{\"pcgsNumber\": " + numbers.get(i) + ", \"year\": 1916, \"denomination\": \"10C\", "
                    + "\"series\": \"Mercury\", \"fullName\": \"Dime " + i + "\"}");
        }
        List<String> ids = Api.asAdmin(ADMIN).contentType("application/json").body("[" + String.join(",", body) + "]")
                .post("/api/coins").then().statusCode(200).extract().path("data.coins.id");
        List<Coin> coins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            coins.add(new Coin(ids.get(i), numbers.get(i)));
        }
        return coins;
    }

    private static List<Integer> concurrently(List<List<String>> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (List<String> body : bodies) {
                calls.add(() -> importRows(body.toArray(String[]::new)).then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each coin's rows and current prices are exactly those of {@link #sharedRows}. */
    private static void assertSharedRowsStored(List<Coin> coins) {
        for (int c = 0; c < coins.size(); c++) {
            Coin coin = coins.get(c);
            assertEquals(8, TestData.count("SELECT count(*) FROM price_guide WHERE coin_reference_id = ?", coin.id()));
            var prices = Api.asUser("reader").get("/api/coins/" + coin.pcgs()).then().statusCode(200)
                    .body("data.prices", hasSize(4));
            for (int g = 0; g < GRADES.size(); g++) {
                prices.body("data.prices[" + g + "].gradeCode", equalTo(GRADES.get(g)))
                        .body("data.prices[" + g + "].priceDate", equalTo(daysAgo(1).toString()))
                        .body("data.prices[" + g + "].pcgsPrice", comparesEqualTo(new BigDecimal((100 + c + g) + ".25")))
                        .body("data.prices[" + g + "].greysheetPrice", comparesEqualTo(new BigDecimal((90 + c) + ".50")));
            }
        }
    }

    @Test
    void concurrentImportsOfTheSameRowsInOppositeOrdersAllSucceed() throws Exception {
        List<Coin> coins = coins(30);
        List<String> forward = sharedRows(coins);
        List<String> backward = new ArrayList<>(forward);
        Collections.reverse(backward);

        List<Integer> statuses = concurrently(List.of(forward, backward, forward, backward));

        assertEquals(List.of(200, 200, 200, 200), statuses);
        assertSharedRowsStored(coins);
    }

    @Test
    void fourIdenticalImportsAtOnceAllSucceed() throws Exception {
        List<Coin> coins = coins(30);
        List<String> rows = sharedRows(coins);

        List<Integer> statuses = concurrently(List.of(rows, rows, rows, rows));

        assertEquals(List.of(200, 200, 200, 200), statuses);
        assertSharedRowsStored(coins);
    }
}
