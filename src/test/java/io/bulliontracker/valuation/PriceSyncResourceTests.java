package io.bulliontracker.valuation;

import static io.bulliontracker.testing.TestData.daysAgo;
import static io.bulliontracker.testing.TestData.price;
import static io.bulliontracker.testing.TestData.today;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.PgWireProxy;
import io.bulliontracker.testing.TestData;
import io.bulliontracker.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class PriceSyncResourceTests {

    private static ValidatableResponse sync(String user, String json) {
        var request = Api.asUser(user);
        if (json != null) {
            request = request.contentType("application/json").body(json);
        }
        return request.post("/api/collection/sync-prices").then();
    }

    private static BigDecimal value(String itemId) {
        return TestData.decimal("SELECT numismatic_value FROM collection_items WHERE id = ?", itemId);
    }

    private static List<List<Object>> history(String itemId) {
        return TestData.rows("SELECT price_date, value, value_type, source FROM item_value_history WHERE item_id = ? ORDER BY price_date", itemId);
    }

    @Test
    void syncCopiesGreysheetValueOntoItemAndTodaysHistory() {
        String user = TestData.newUser();
        String coin = TestData.coin("Sync coin");
        price(coin, "MS65", daysAgo(10), "100.00", "90.00");
        price(coin, "MS65", daysAgo(1), "120.00", "110.50");
        String item = TestData.item(user, coin, "MS65", "s", "guide_price");

        sync(user, null).statusCode(200)
                .body("success", equalTo(true))
                .body("data.synced", equalTo(1))
                .body("data.updated", equalTo(1))
                .body("data.skipped", equalTo(0))
                .body("data.message", equalTo("Synced 1 items, updated 1"));

        assertEquals(0, new BigDecimal("110.50").compareTo(value(item)));
        List<List<Object>> rows = history(item);
        assertEquals(1, rows.size());
        assertEquals(Date.valueOf(today()), rows.get(0).get(0));
        assertEquals(0, new BigDecimal("110.50").compareTo((BigDecimal) rows.get(0).get(1)));
        assertEquals("guide_price", rows.get(0).get(2));
        assertEquals("greysheet", rows.get(0).get(3));
    }

    @Test
    void syncFallsBackToPcgsWhenGreysheetIsMissingAndSkipsUnpricedItems() {
        String user = TestData.newUser();
        String pcgsOnly = TestData.coin("PCGS only");
        price(pcgsOnly, "AU55", daysAgo(3), "75.25", null);
        String unpriced = TestData.coin("Never priced");
        price(unpriced, "AU55", daysAgo(3), null, null);
        String priced = TestData.item(user, pcgsOnly, "AU55", "p", "guide_price");
        String skipped = TestData.item(user, unpriced, "AU55", "u", "guide_price");

        sync(user, "{}").statusCode(200)
                .body("data.synced", equalTo(1))
                .body("data.updated", equalTo(1))
                .body("data.skipped", equalTo(1))
                .body("data.message", equalTo("Synced 1 items, updated 1"));

        assertEquals(0, new BigDecimal("75.25").compareTo(value(priced)));
        assertEquals("pcgs", history(priced).get(0).get(3));
        assertNull(value(skipped));
        assertEquals(0, history(skipped).size());
    }

    @Test
    void estimatedGradeIsSyncedWithThePlainGradesPrice() {
        String user = TestData.newUser();
        String coin = TestData.coin("Estimated sync");
        price(coin, "MS65", daysAgo(2), "300.00", "280.00");
        String item = TestData.item(user, coin, "~MS65", "e", "guide_price");

        sync(user, null).statusCode(200).body("data.synced", equalTo(1)).body("data.skipped", equalTo(0));

        assertEquals(0, new BigDecimal("280.00").compareTo(value(item)));
    }

    @Test
    void unchangedValueIsSyncedButNotCountedAsUpdated() {
        String user = TestData.newUser();
        String coin = TestData.coin("Stable");
        price(coin, "VF30", daysAgo(2), null, "50.00");
        String item = TestData.item(user, coin, "VF30", "st", "guide_price");
        TestData.update("UPDATE collection_items SET numismatic_value = 50 WHERE id = ?", item);

        sync(user, null).statusCode(200)
                .body("data.synced", equalTo(1))
                .body("data.updated", equalTo(0))
                .body("data.message", equalTo("Synced 1 items, updated 0"));
        assertEquals(1, history(item).size());
    }

    @Test
    void secondSyncTheSameDayOverwritesTheHistoryRow() {
        String user = TestData.newUser();
        String coin = TestData.coin("Twice");
        price(coin, "MS66", daysAgo(5), null, "40.00");
        String item = TestData.item(user, coin, "MS66", "t", "guide_price");
        sync(user, null).statusCode(200).body("data.updated", equalTo(1));

        price(coin, "MS66", today(), null, "44.00");
        sync(user, null).statusCode(200).body("data.synced", equalTo(1)).body("data.updated", equalTo(1));

        List<List<Object>> rows = history(item);
        assertEquals(1, rows.size());
        assertEquals(0, new BigDecimal("44.00").compareTo((BigDecimal) rows.get(0).get(1)));
        assertEquals(0, new BigDecimal("44.00").compareTo(value(item)));
    }

    @Test
    void onlyGuidePriceItemsOfTheCallerAreConsidered() {
        String user = TestData.newUser();
        String other = TestData.newUser();
        String coin = TestData.coin("Considered");
        price(coin, "MS61", daysAgo(1), "20.00", "18.00");
        String mine = TestData.item(user, coin, "MS61", "mine", "guide_price");
        String custom = TestData.item(user, coin, "MS61", "custom", "custom");
        String theirs = TestData.item(other, coin, "MS61", "theirs", "guide_price");

        sync(user, null).statusCode(200).body("data.synced", equalTo(1)).body("data.skipped", equalTo(0));

        assertEquals(0, new BigDecimal("18.00").compareTo(value(mine)));
        assertNull(value(custom));
        assertNull(value(theirs));
        assertEquals(0, history(theirs).size());
    }

    @Test
    void itemIdLimitsTheSyncToThatItem() {
        String user = TestData.newUser();
        String coin = TestData.coin("One of two");
        price(coin, "MS62", daysAgo(1), "20.00", "19.00");
        String first = TestData.item(user, coin, "MS62", "1", "guide_price");
        String second = TestData.item(user, coin, "MS62", "2", "guide_price");

        sync(user, "{\"itemId\": \"" + first + "\", \"ignored\": true}").statusCode(200)
                .body("data.synced", equalTo(1)).body("data.message", equalTo("Synced 1 items, updated 1"));

        assertEquals(0, new BigDecimal("19.00").compareTo(value(first)));
        assertNull(value(second));
    }

    @Test
    void unknownOrForeignItemIdIsReportedAsNotFound() {
        String user = TestData.newUser();
        String coin = TestData.coin("Foreign");
        price(coin, "MS62", daysAgo(1), "20.00", "19.00");
        String foreign = TestData.item(TestData.newUser(), coin, "MS62", "f", "guide_price");

        for (String itemId : List.of(foreign, "no-such-item", "'; DROP TABLE collection_items; --")) {
            sync(user, "{\"itemId\": \"" + itemId.replace("\"", "\\\"") + "\"}").statusCode(200)
                    .body("data.synced", equalTo(0)).body("data.updated", equalTo(0)).body("data.skipped", equalTo(0))
                    .body("data.message", equalTo("Item not found or not a guide_price item"));
        }
        assertNull(value(foreign));
    }

    @Test
    void nothingToSyncSaysSo() {
        sync(TestData.newUser(), null).statusCode(200)
                .body("data.synced", equalTo(0)).body("data.updated", equalTo(0)).body("data.skipped", equalTo(0))
                .body("data.message", equalTo("No guide_price items to sync"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n", "{}", "{\"itemId\": null}", "{\"other\": 1}"})
    void emptyBodyOrNoItemIdSyncsEveryGuidePriceItem(String body) {
        String user = TestData.newUser();
        String coin = TestData.coin("All of them");
        price(coin, "MS64", daysAgo(1), "30.00", "27.50");
        String first = TestData.item(user, coin, "MS64", "a", "guide_price");
        String second = TestData.item(user, coin, "MS64", "b", "guide_price");

        sync(user, body).statusCode(200)
                .body("data.synced", equalTo(2)).body("data.updated", equalTo(2))
                .body("data.message", equalTo("Synced 2 items, updated 2"));

        assertEquals(0, new BigDecimal("27.50").compareTo(value(first)));
        assertEquals(0, new BigDecimal("27.50").compareTo(value(second)));
    }

    /** java.net.http sends a bodiless POST without any Content-Type; curl -d '' and rest-assured say form-urlencoded. */
    @Test
    void bodilessPostWithoutAnyMediaTypeSyncsEverything() throws Exception {
        String user = TestData.newUser();
        String coin = TestData.coin("No media type");
        price(coin, "MS63", daysAgo(1), "12.00", "11.25");
        String item = TestData.item(user, coin, "MS63", "n", "guide_price");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class)
                                + "/api/collection/sync-prices"))
                .header("Authorization", Tokens.user(user))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(0, new BigDecimal("11.25").compareTo(value(item)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
    void aBodyThatIsNotJsonIsRefusedAsUnsupportedMediaType(String contentType) {
        String user = TestData.newUser();
        String coin = TestData.coin("Not JSON");
        price(coin, "MS63", daysAgo(1), "12.00", "11.25");
        String item = TestData.item(user, coin, "MS63", "x", "guide_price");

        Api.asUser(user).contentType(contentType).body("itemId=" + item).post("/api/collection/sync-prices").then()
                .statusCode(415).body("error", equalTo("Unsupported media type: send application/json"));

        assertNull(value(item));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"itemId\": \"\"}", "{\"itemId\": \" \\t \"}"})
    void blankItemIdIsNamedInThe400(String body) {
        sync(TestData.newUser(), body).statusCode(400)
                .body("success", equalTo(false))
                .body("error", equalTo("Invalid itemId: must be a non-blank string"))
                .body("details.field", equalTo("itemId"))
                .body("details.reason", equalTo("must be a non-blank string"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"itemId\": 42}", "{\"itemId\": true}", "{\"itemId\": 1.5}", "{\"itemId\": [\"a\"]}",
            "{\"itemId\": {\"id\": \"a\"}}"})
    void itemIdThatIsNotAStringIsNamedInThe400(String body) {
        sync(TestData.newUser(), body).statusCode(400)
                .body("success", equalTo(false))
                .body("error", equalTo("Invalid value for itemId"))
                .body("details.field", equalTo("itemId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"itemId\":", "[1,2]", "\"text\"", "12345", "{\"itemId\": 42}", "{\"itemId\": \"\"}",
            "{\"itemId\": true}"})
    void badBodyIsRefusedAndWritesNothing(String body) {
        String user = TestData.newUser();
        String coin = TestData.coin("Untouched");
        price(coin, "MS62", daysAgo(1), "20.00", "19.00");
        String item = TestData.item(user, coin, "MS62", "u", "guide_price");

        sync(user, body).statusCode(400).body("success", equalTo(false));

        assertNull(value(item));
        assertEquals(0, history(item).size());
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 500})
    void usesFourStatementsInOneTransactionWhateverTheCollectionSize(int items) {
        String user = TestData.newUser();
        TestData.pricedCollection(user, items, "MS63");
        PgWireProxy proxy = PgWireProxy.current();
        proxy.resetStatements();

        sync(user, null).statusCode(200)
                .body("data.synced", equalTo(items)).body("data.updated", equalTo(items));

        List<String> statements = proxy.statements();
        assertEquals(4, statements.size(), () -> "statements: " + statements);
        List<String> all = proxy.allStatements();
        assertEquals("BEGIN", all.get(0).trim().toUpperCase());
        assertEquals("COMMIT", all.get(all.size() - 1).trim().toUpperCase());
        assertEquals(items, TestData.count("SELECT count(*) FROM item_value_history h JOIN collection_items i ON i.id = h.item_id WHERE i.user_id = ?", user));
        // Greysheet of today's row.
        assertEquals(0, BigDecimal.TEN.compareTo(TestData.decimal("SELECT min(numismatic_value) FROM collection_items WHERE user_id = ?", user)));
    }

    @Test
    void faultInTheSecondWriteRollsBackTheWholeSync() throws Exception {
        String user = TestData.newUser();
        TestData.pricedCollection(user, 20, "MS67");
        try (AutoCloseable fault = TestData.historyInsertTrigger(user + "-", "RAISE EXCEPTION 'injected fault';")) {
            sync(user, null).statusCode(500)
                    .body("success", equalTo(false))
                    .body("error", equalTo("Internal server error"));
        }
        assertEquals(0, TestData.count("SELECT count(*) FROM collection_items WHERE user_id = ? AND numismatic_value IS NOT NULL", user));
        assertEquals(0, TestData.count("SELECT count(*) FROM item_value_history h JOIN collection_items i ON i.id = h.item_id WHERE i.user_id = ?", user));
    }

    @Test
    void parallelSyncsOfOneUserAllSucceedWithOneHistoryRowPerItem() throws Exception {
        String user = TestData.newUser();
        TestData.pricedCollection(user, 50, "PR69");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> sync(user, null).extract().statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(50, TestData.count("SELECT count(*) FROM item_value_history h JOIN collection_items i ON i.id = h.item_id WHERE i.user_id = ? AND h.price_date = ?", user, today()));
        assertEquals(50, TestData.count("SELECT count(DISTINCT h.item_id) FROM item_value_history h JOIN collection_items i ON i.id = h.item_id WHERE i.user_id = ?", user));
    }
}
