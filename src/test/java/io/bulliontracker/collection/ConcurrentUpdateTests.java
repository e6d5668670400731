package io.bulliontracker.collection;

import static io.bulliontracker.collection.CollectionFixtures.createId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No lost updates: before the update locked its row, three concurrent edits of different fields of one
 * item lost a field in 30 trials of 30, and an edit racing a sync could leave numismaticValue null
 * while today's history row held the synced value.
 */
@QuarkusTest
class ConcurrentUpdateTests {

    private static final int TRIALS = 30;

    @TestHTTPResource("/")
    URI base;

    /** One update and one sync alone first: the trials race each other, not the application's warm-up. */
    @BeforeEach
    void warmUp() {
        CollectionFixtures.warmUp();
        String user = TestData.newUser();
        String coin = TestData.coin("Warm-up coin");
        TestData.price(coin, "MS65", TestData.today(), "1.00", null);
        String id = TestData.item(user, coin, "MS65", "warm", "guide_price");
        CollectionFixtures.patch(user, id, "{\"notes\": \"warm\"}").statusCode(200);
        Api.asUser(user).post("/api/collection/sync-prices").then().statusCode(200);
    }

    @Test
    void threeConcurrentUpdatesOfDifferentFieldsAllSurvive() {
        String user = TestData.newUser();
        for (int trial = 0; trial < TRIALS; trial++) {
            String id = createId(user, "{\"category\": \"BULLION\", \"type\": \"bulk\", \"metal\": \"silver\", "
                    + "\"bookValueType\": \"spot_premium\", \"weightOz\": 1, \"title\": \"before\", \"quantity\": 1}");
            List<HttpResponse<String>> answers = new ConcurrentRequests(base, user)
                    .add("PATCH", "api/collection/" + id, "{\"title\": \"title " + trial + "\"}")
                    .add("PUT", "api/collection/" + id, "{\"notes\": \"notes " + trial + "\"}")
                    .add("PATCH", "api/collection/" + id, "{\"quantity\": " + (trial + 2) + "}")
                    .send();
            for (HttpResponse<String> answer : answers) {
                assertEquals(200, answer.statusCode(), answer.body());
            }
            List<Object> row = TestData.rows("SELECT title, notes, quantity FROM collection_items WHERE id = ?", id).get(0);
            assertEquals(List.of("title " + trial, "notes " + trial, trial + 2), row, "trial " + trial);
        }
    }

    @Test
    void anUpdateRacingASyncKeepsTheSyncedValue() {
        String user = TestData.newUser();
        String coin = TestData.coin("Race coin");
        TestData.price(coin, "MS65", TestData.today(), "120.00", "110.50");
        for (int trial = 0; trial < TRIALS; trial++) {
            String id = TestData.item(user, coin, "MS65", "race " + trial, "guide_price");
            List<HttpResponse<String>> answers = new ConcurrentRequests(base, user)
                    .add("PUT", "api/collection/" + id, "{\"notes\": \"edited " + trial + "\"}")
                    .add("POST", "api/collection/sync-prices", "{\"itemId\": \"" + id + "\"}")
                    .send();
            for (HttpResponse<String> answer : answers) {
                assertEquals(200, answer.statusCode(), answer.body());
            }
            List<Object> row = TestData.rows("SELECT notes, numismatic_value FROM collection_items WHERE id = ?", id).get(0);
            assertEquals("edited " + trial, row.get(0), "trial " + trial);
            assertEquals(0, new BigDecimal("110.50").compareTo((BigDecimal) row.get(1)), "trial " + trial + ": " + row);
            assertEquals(0, new BigDecimal("110.50").compareTo(TestData.decimal(
                    "SELECT value FROM item_value_history WHERE item_id = ? AND price_date = ?", id, TestData.today())));
        }
    }
}
