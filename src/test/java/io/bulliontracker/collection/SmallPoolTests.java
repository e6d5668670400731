package io.bulliontracker.collection;

import static io.bulliontracker.collection.CollectionFixtures.coinItem;
import static io.bulliontracker.collection.CollectionFixtures.createId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One connection per request. Before, an edit of a coin item read the coin on a second pooled
 * connection while its transaction held the first: with 4 connections, 4 concurrent edits held them
 * all and waited for a fifth until the pool gave up (503).
 */
@QuarkusTest
@TestProfile(SmallPoolTests.FourConnections.class)
class SmallPoolTests {

    /**
     * Four connections. The request deadline is raised from 3 s to 10 s so that a slow, shared test
     * machine cannot fail the test by queueing alone; a starved pool still fails it, after the pool's own
     * 3 s acquisition time-out.
     */
    public static class FourConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.max-size", "4", "bullion.db.request-timeout", "10s");
        }
    }

    private static final int EDITS = 50;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void warmUp() {
        CollectionFixtures.warmUp();
    }

    @Test
    void fiftyConcurrentEditsOfCoinItemsAllSucceedOnFourConnections() {
        String user = TestData.newUser();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < EDITS; i++) {
            ids.add(createId(user, coinItem(CollectionFixtures.morgan(), "\"grade\": \"MS6" + (i % 10) + "\"")));
        }
        // The web client's edit: weightOz (touches the metal content, so the coin is read), a blank title
        // (built from the coin), images replaced.
        ConcurrentRequests edits = new ConcurrentRequests(base, user);
        for (String id : ids) {
            edits.add("PUT", "api/collection/" + id, "{\"title\": \"\", \"metal\": \"silver\", \"weightOz\": 0, "
                    + "\"quantity\": 2, \"grade\": \"~MS64\", \"images\": [\"https://x/" + id + ".jpg\"]}");
        }
        long started = System.nanoTime();
        List<HttpResponse<String>> answers = edits.send();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        for (HttpResponse<String> answer : answers) {
            assertEquals(200, answer.statusCode(), answer.body());
        }
        System.out.printf("%d concurrent coin-item edits on 4 connections: %d ms%n", EDITS, elapsedMs);
        assertEquals(EDITS, TestData.count("SELECT count(*) FROM collection_items WHERE user_id = ? AND quantity = 2 "
                + "AND title = '1881 RAW ~MS64 $1 Morgan Dollar' AND precious_metal_oz = 0.77346", user));
        assertEquals(EDITS, TestData.count("SELECT count(*) FROM item_images m JOIN collection_items i ON i.id = m.item_id "
                + "WHERE i.user_id = ?", user));
        assertTrue(new BigDecimal("0.77346").compareTo(TestData.decimal(
                "SELECT max(precious_metal_oz) FROM collection_items WHERE user_id = ?", user)) == 0);
    }
}
