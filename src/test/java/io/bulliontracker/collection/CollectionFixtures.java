package io.bulliontracker.collection;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.TestData;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;

/** Coins with the facts the collection rules read, and requests as the collection tests send them. */
final class CollectionFixtures {

    private static volatile boolean warm;

    private CollectionFixtures() {
    }

    /**
     * Each collection route once, one after another, before a test measures or races them: the first
     * call of a route loads classes and plans its queries, which on a busy two-core machine can take
     * longer than the request deadline by itself. Once per application start.
     */
    static synchronized void warmUp() {
        for (int attempt = 0; attempt < 3 && !warm; attempt++) {
            warm = everyRouteOnce();
        }
    }

    /** True when every route answered 2xx (a cold route may still answer 503 past the deadline). */
    private static boolean everyRouteOnce() {
        String user = TestData.newUser();
        var created = create(user, coinItem(morgan(), "\"grade\": \"MS65\", \"images\": [\"https://x/warm.jpg\"]"))
                .extract();
        if (created.statusCode() != 201) {
            return false;
        }
        String id = created.path("data.id");
        return List.of(get(user, id).extract().statusCode(),
                put(user, id, "{\"title\": \"\", \"weightOz\": 0, \"images\": []}").extract().statusCode(),
                Api.asUser(user).get("/api/collection").then().extract().statusCode(),
                Api.asUser(user).queryParam("limit", 1).get("/api/collection").then().extract().statusCode(),
                Api.asUser(user).queryParam("limit", 1).get("/api/collection/" + id + "/history").then().extract().statusCode(),
                Api.asUser(user).delete("/api/collection/" + id).then().extract().statusCode())
                .stream().allMatch(status -> status == 200);
    }

    /** A coin reference; {@code metal}, {@code weightOz}, {@code fineness} may be null. */
    static String coin(int year, String denomination, String series, String metal, String weightOz, String fineness) {
        return coin(TestData.nextPcgsNumber(), year, denomination, series, metal, weightOz, fineness);
    }

    static String coin(int pcgsNumber, int year, String denomination, String series, String metal, String weightOz,
            String fineness) {
        String id = "coin-" + UUID.randomUUID();
        TestData.update("INSERT INTO coin_references (id, pcgs_number, year, denomination, series, metal, weight_oz, "
                + "fineness, full_name) VALUES (?, ?, ?, ?, ?, ?, ?::numeric, ?::numeric, ?)", id, pcgsNumber, year,
                denomination, series, metal, weightOz, fineness, year + " " + series);
        return id;
    }

    /** The 1881 Morgan dollar with the catalog's weight and fineness. */
    static String morgan() {
        return coin(1881, "$1", "Morgan Dollar", "silver", "0.8594", "0.9");
    }

    /** A 1964 dime whose catalog entry has no weight or fineness: the US coinage table applies. */
    static String dimeWithoutWeight() {
        return coin(1964, "10C", "Roosevelt Dime", "silver", null, null);
    }

    static ValidatableResponse create(String user, String json) {
        return Api.asUser(user).contentType("application/json").body(json).post("/api/collection").then();
    }

    static String createId(String user, String json) {
        return create(user, json).statusCode(201).extract().path("data.id");
    }

    static ValidatableResponse put(String user, String id, String json) {
        return Api.asUser(user).contentType("application/json").body(json).put("/api/collection/" + id).then();
    }

    static ValidatableResponse patch(String user, String id, String json) {
        return Api.asUser(user).contentType("application/json").body(json).patch("/api/collection/" + id).then();
    }

    static ValidatableResponse get(String user, String id) {
        return Api.asUser(user).get("/api/collection/" + id).then();
    }

    /** A NUMISMATIC custom-value item of the coin, without metal (it defaults to the coin's). */
    static String coinItem(String coinId, String extraFields) {
        return "{\"category\": \"NUMISMATIC\", \"bookValueType\": \"custom\", \"customBookValue\": 100, "
                + "\"coinReferenceId\": \"" + coinId + "\"" + (extraFields.isEmpty() ? "" : ", " + extraFields) + "}";
    }
}
