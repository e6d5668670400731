package io.bulliontracker.collection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.PgWireProxy;
import io.bulliontracker.testing.TestData;
import io.bulliontracker.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The full list ({@code GET /api/collection} without limit) is streamed from a database cursor: the
 * same JSON as before, one statement read in fetches of {@link ItemStream#FETCH_ROWS} rows, errors
 * before the first byte still an envelope, and the connection back in the pool when the client leaves.
 */
@QuarkusTest
class CollectionStreamTests {

    /**
     * {@code n} silver bars of a new user in one statement: bar g is g seconds older than bar g-1 (so
     * the list runs g = 1..n), has custom book value g + 0.005 and, when g is a multiple of 3, two images.
     */
    static String userWithBars(int n) {
        String user = TestData.newUser();
        String prefix = user + "-bar-";
        TestData.update("""
                INSERT INTO collection_items (id, user_id, category, type, title, metal, quantity, weight_oz,
                                              book_value_type, custom_book_value, created_at, updated_at)
                SELECT ? || lpad(g::text, 6, '0'), ?, 'BULLION', 'bulk', 'Bar ' || g, 'silver', 1, 1.5,
                       'custom', g + 0.005, t.base - g * interval '1 second', t.base
                FROM generate_series(1, ?) AS g, (SELECT timestamptz '2026-01-02 03:04:05.123456+00' AS base) AS t""",
                prefix, user, n);
        TestData.update("""
                INSERT INTO item_images (id, item_id, url, position)
                SELECT ? || lpad(g::text, 6, '0') || '-img-' || p, ? || lpad(g::text, 6, '0'),
                       'https://img/' || g || '/' || p || '.jpg', p
                FROM generate_series(3, ?, 3) AS g, generate_series(0, 1) AS p""", prefix, prefix, n);
        return user;
    }

    @Test
    void fullListStreamsEveryItemInOrderWithItsImagesExactlyAsThePagesShowThem() {
        String user = userWithBars(450);
        String prefix = user + "-bar-";
        var full = Api.asUser(user).get("/api/collection").then().statusCode(200)
                .header("Content-Type", startsWith("application/json"))
                .body("success", equalTo(true))
                .body("pagination", equalTo(null))
                .body("data", hasSize(450))
                .body("data[0].id", equalTo(prefix + "000001"))
                .body("data[449].id", equalTo(prefix + "000450"))
                // 1.005 and 450.005 rounded half-up to cents
                .body("data[0].customBookValue", equalTo(new BigDecimal("1.01")))
                .body("data[449].customBookValue", equalTo(new BigDecimal("450.01")))
                .body("data[0].weightOz", equalTo(new BigDecimal("1.5")))
                .body("data[0].images", hasSize(0))
                .body("data[2].images.url", equalTo(List.of("https://img/3/0.jpg", "https://img/3/1.jpg")))
                .body("data[2].images.order", equalTo(List.of(0, 1)))
                .body("data[2].images[1].id", equalTo(prefix + "000003-img-1"))
                .body("data[0].createdAt", equalTo("2026-01-02T03:04:04.123456Z"))
                .body("data[0].updatedAt", equalTo("2026-01-02T03:04:05.123456Z"))
                .extract().jsonPath().getList("data", Map.class);

        // The pages read the items through Hibernate: the stream must read exactly like them.
        List<Map> paged = new ArrayList<>();
        String cursor = null;
        do {
            var page = Api.asUser(user).queryParam("limit", 100);
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            var answer = page.get("/api/collection").then().statusCode(200).extract().jsonPath();
            paged.addAll(answer.getList("data", Map.class));
            cursor = answer.getString("pagination.nextCursor");
        } while (cursor != null);
        assertEquals(paged, full);
    }

    @Test
    void fullListIsOneStatementReadInFetchesWhateverTheCollectionSize() {
        String user = userWithBars(450);
        PgWireProxy.current().resetStatements();
        Api.asUser(user).get("/api/collection").then().statusCode(200).body("data", hasSize(450));
        List<String> statements = PgWireProxy.current().statements();
        // 450 rows in fetches of 200: 200, 200, then 50 and the end: three executions of one statement.
        assertEquals(3, statements.size(), statements.toString());
        assertEquals(1, statements.stream().distinct().count(), statements.toString());
        assertTrue(statements.get(0).contains("item_images") && statements.get(0).contains("collection_items"));
    }

    @Test
    void emptyCollectionIsAnEmptyListInTheEnvelope() {
        String body = Api.asUser(TestData.newUser()).get("/api/collection").then().statusCode(200)
                .header("Content-Type", startsWith("application/json")).extract().asString();
        // quarkus-rest ends each streamed buffer with a newline: JSON whitespace, nothing else added.
        assertEquals("{\"success\":true,\"data\":[]}", body.strip());
    }

    @Test
    void openApiStillDescribesTheStreamedListAsTheEnvelopeOfItems() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/collection'.get.responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/EnvelopeListItemView"))
                .body("components.schemas.EnvelopeListItemView.properties.data.items.$ref",
                        equalTo("#/components/schemas/ItemView"))
                .body("components.schemas.EnvelopeListItemView.properties.success.type", equalTo("boolean"));
    }

    @Test
    void badTokenIsA401EnvelopeNotAStream() {
        given().header("Authorization", "Bearer nonsense").get("/api/collection").then().statusCode(401)
                .header("Content-Type", startsWith("application/json")).body("success", equalTo(false))
                .body("error", not(emptyOrNullString()));
    }

    @Test
    void databaseGoneBeforeTheFirstByteIsA503EnvelopeWithRetryAfter() throws Exception {
        String user = userWithBars(10);
        PgWireProxy.current().refuseConnections(true);
        PgWireProxy.current().cutConnections();
        try {
            long started = System.nanoTime();
            Api.asUser(user).get("/api/collection").then().statusCode(503).header("Retry-After", "5")
                    .header("Content-Type", startsWith("application/json"))
                    .body("success", equalTo(false)).body("error", not(emptyOrNullString()));
            assertTrue((System.nanoTime() - started) / 1_000_000 < 3000);
        } finally {
            PgWireProxy.current().refuseConnections(false);
        }
        long deadline = System.currentTimeMillis() + 15_000;
        while (Api.asUser(user).get("/api/collection").then().extract().statusCode() != 200) {
            assertTrue(System.currentTimeMillis() < deadline, "the list did not come back");
            Thread.sleep(200);
        }
    }

    @Test
    void aClientThatLeavesMidStreamGivesTheConnectionBack() throws Exception {
        String user = userWithBars(5000);
        String inTransaction = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND state LIKE 'idle in transaction%' AND query LIKE '%item_images%'";
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            // Nothing read beyond the first bytes: the server must stop at the socket's buffers.
            socket.setReceiveBufferSize(4096);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/collection HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + Tokens.user(user)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(512);
            assertTrue(new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
            awaitCount(inTransaction, 1);
        }
        awaitCount(inTransaction, 0);
        Api.asUser(user).get("/api/collection").then().statusCode(200).body("data", hasSize(5000));
    }

    private static void awaitCount(String sql, long expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        long seen;
        while ((seen = TestData.count(sql)) != expected) {
            assertTrue(System.currentTimeMillis() < deadline, "expected " + expected + ", saw " + seen);
            Thread.sleep(50);
        }
    }
}
