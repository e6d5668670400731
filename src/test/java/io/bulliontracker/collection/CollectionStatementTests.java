package io.bulliontracker.collection;

import static io.bulliontracker.collection.CollectionFixtures.coinItem;
import static io.bulliontracker.collection.CollectionFixtures.createId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.PgWireProxy;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statements per request, counted on the wire by the test proxy (BEGIN/COMMIT aside): every read and
 * write of the collection sends a fixed number, whatever the number of items and images.
 */
@QuarkusTest
class CollectionStatementTests {

    private static final String BULLION = "{\"category\": \"BULLION\", \"type\": \"bulk\", \"metal\": \"silver\", "
            + "\"bookValueType\": \"spot_premium\", \"weightOz\": 1";

    /** The grade codes are read once per process: after a first graded write, every count below is steady. */
    @BeforeEach
    void warmUp() {
        CollectionFixtures.warmUp();
    }

    private static List<String> statementsOf(Runnable request) {
        PgWireProxy.current().resetStatements();
        request.run();
        return PgWireProxy.current().statements();
    }

    private static <T> List<String> statementsOf(Supplier<T> request) {
        return statementsOf((Runnable) request::get);
    }

    /** {@code n} items of a new user, each with two images (written through the API). */
    private static String userWithItems(int n) {
        String user = TestData.newUser();
        for (int i = 0; i < n; i++) {
            createId(user, BULLION + ", \"title\": \"Item " + i + "\", \"images\": [\"https://x/" + i + "a.jpg\", \"https://x/" + i + "b.jpg\"]}");
        }
        return user;
    }

    @ParameterizedTest(name = "{0} items")
    @ValueSource(ints = {5, 50})
    void listsAndPagesSendTheSameStatementsWhateverTheirSize(int n) {
        String user = userWithItems(n);
        List<String> all = statementsOf(() -> Api.asUser(user).get("/api/collection").then().statusCode(200)
                .body("data", hasSize(n)).body("data[0].images", hasSize(2)).body("data[" + (n - 1) + "].images", hasSize(2)));
        // The full list is streamed: one statement that carries the images, read in one fetch at this size.
        assertEquals(1, all.size(), "the items with their images: " + all);
        assertTrue(all.get(0).contains("item_images"), all.get(0));

        String cursor = Api.asUser(user).queryParam("limit", 2).get("/api/collection").then().extract().path("data[1].id");
        List<String> firstPage = statementsOf(() -> Api.asUser(user).queryParam("limit", n).get("/api/collection").then()
                .statusCode(200).body("data", hasSize(n)).body("data[" + (n - 1) + "].images", hasSize(2)));
        assertEquals(2, firstPage.size(), firstPage.toString());
        List<String> later = statementsOf(() -> Api.asUser(user).queryParam("limit", 100).queryParam("cursor", cursor)
                .get("/api/collection").then().statusCode(200).body("data", hasSize(n - 2)));
        assertEquals(3, later.size(), "cursor, page, images: " + later);
    }

    @Test
    void listTextsDoNotGrowWithTheCollection() {
        String small = userWithItems(3);
        String large = userWithItems(30);
        List<String> few = statementsOf(() -> Api.asUser(small).get("/api/collection").then().statusCode(200));
        List<String> many = statementsOf(() -> Api.asUser(large).get("/api/collection").then().statusCode(200));
        assertEquals(few, many);
    }

    @Test
    void eachItemRouteSendsAFixedNumberOfStatements() {
        String user = TestData.newUser();
        String morgan = CollectionFixtures.morgan();

        List<String> create = statementsOf(() -> createId(user, coinItem(morgan,
                "\"grade\": \"MS64\", \"images\": [\"https://x/1.jpg\", \"https://x/2.jpg\", \"https://x/3.jpg\"]")));
        assertEquals(3, create.size(), "coin, item, images: " + create);
        String id = TestData.rows("SELECT id FROM collection_items WHERE user_id = ?", user).get(0).get(0).toString();

        assertEquals(2, statementsOf(() -> Api.asUser(user).get("/api/collection/" + id).then().statusCode(200)
                .body("data.images", hasSize(3))).size());

        // The web client's edit of a coin item: weightOz touches the metal content, images replace the old ones.
        List<String> edit = statementsOf(() -> Api.asUser(user).contentType("application/json")
                .body("{\"title\": \"\", \"weightOz\": 0, \"grade\": \"~MS65\", \"images\": [\"https://x/4.jpg\"]}")
                .put("/api/collection/" + id).then().statusCode(200).body("data.images", hasSize(1)));
        assertEquals(5, edit.size(), "lock the item, coin, delete images, insert images, update the item: " + edit);
        assertTrue(edit.get(0).toLowerCase().contains("for no key update") || edit.get(0).toLowerCase().contains("for update"),
                "the update reads its row under a lock: " + edit.get(0));

        List<String> notes = statementsOf(() -> Api.asUser(user).contentType("application/json").body("{\"notes\": \"n\"}")
                .patch("/api/collection/" + id).then().statusCode(200));
        assertEquals(3, notes.size(), "lock the item, its images, update the item: " + notes);

        assertEquals(1, statementsOf(() -> Api.asUser(user).queryParam("limit", 30)
                .get("/api/collection/" + id + "/history").then().statusCode(200)).size());
        assertEquals(1, statementsOf(() -> Api.asUser(user).delete("/api/collection/" + id).then().statusCode(200)
                .body("data.id", equalTo(id))).size());
    }
}
