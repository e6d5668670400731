package io.bulliontracker.security;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.ResponseChecks;
import io.bulliontracker.testing.TestData;
import io.bulliontracker.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The service switched to the app's own tokens (HS256 with the app's secret, user id in {@code userId}, no
 * {@code iss}): the default mode's security tests, repeated for this mode, plus the ways this mode can be attacked.
 */
@QuarkusTest
@TestProfile(AppTokenProfile.class)
class AppTokenModeTests {

    private static final String BULLION = "{\"category\": \"BULLION\", \"type\": \"bulk\", \"metal\": \"silver\", "
            + "\"bookValueType\": \"spot_premium\", \"weightOz\": 1, \"quantity\": 20, \"title\": \"Maple Leafs\"}";

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                Arguments.of("RS256 token of the default mode", Tokens.user("u1")),
                Arguments.of("RS256 token that also carries userId", Tokens.rs256WithUserId("u1")),
                Arguments.of("alg none", Tokens.appUnsigned("u1")),
                Arguments.of("HS256 signed with the RS256 public key", Tokens.hs256SignedWithPublicKey("u1")),
                Arguments.of("RS256 header over an HMAC made with the app's secret", Tokens.rs256HeaderOverAppHmac("u1")),
                Arguments.of("expired", Tokens.appExpired("u1")),
                Arguments.of("not yet valid", Tokens.appNotYetValid("u1")),
                Arguments.of("tampered payload", Tokens.appTampered("u1", "u2")),
                Arguments.of("wrong secret", Tokens.appWrongSecret("u1")),
                Arguments.of("missing userId", Tokens.appWithoutUserId("u1")),
                Arguments.of("userId not a string", Tokens.appNumericUserId()),
                Arguments.of("no expiry", Tokens.appWithoutExpiry("u1")),
                Arguments.of("no issued-at", Tokens.appWithoutIssuedAt("u1")),
                Arguments.of("HS512 with the app's secret", Tokens.appHs512("u1")),
                Arguments.of("garbage", "Bearer not.a.jwt"),
                Arguments.of("wrong scheme", "Basic dXNlcjpwYXNz"));
    }

    static Stream<Arguments> routes() {
        return RouteSecurityTests.routes();
    }

    @Test
    void appTokenIsAccepted() {
        Api.as(Tokens.app(TestData.newUser())).get("/api/coins/performance").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.coins", hasSize(0));
    }

    @Test
    void missingTokenIsRefusedWithTheEnvelope() {
        Api.anonymous().get("/api/coins/performance").then().statusCode(401)
                .body("success", equalTo(false))
                .body("error", containsString("Authentication required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void invalidTokensAreRefused(String why, String bearer) {
        String body = Api.as(bearer).get("/api/coins/performance").then().statusCode(401)
                .body("success", equalTo(false))
                .body("error", containsString("Authentication required"))
                .extract().asString();
        ResponseChecks.assertLeaksNothing(body);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void everyApiRouteNeedsAValidAppToken(String method, String path) {
        List<String> bearers = Stream.concat(Stream.of((String) null), refusedTokens().map(a -> (String) a.get()[1]))
                .toList();
        for (String bearer : bearers) {
            var request = bearer == null ? Api.anonymous() : Api.as(bearer);
            String body = request.contentType("application/json").body("{}").request(method, path).then()
                    .statusCode(401).body("success", equalTo(false)).extract().asString();
            ResponseChecks.assertLeaksNothing(body);
        }
    }

    @Test
    void catalogWritesAreRefusedToUsersNotListedAsAdmins() {
        for (String bearer : List.of(Tokens.app(TestData.newUser()), Tokens.appClaimingAdminGroup(TestData.newUser()))) {
            Api.as(bearer).contentType("application/json").body("[]").post("/api/coins").then()
                    .statusCode(403).body("success", equalTo(false));
            Api.as(bearer).contentType("text/csv").body("pcgsNumber,gradeCode,priceDate,pcgsPrice,greysheetPrice\n")
                    .post("/api/coins/price-guide").then()
                    .statusCode(403).body("success", equalTo(false));
        }
    }

    @Test
    void aListedAdminWritesTheCatalog() {
        int pcgs = TestData.nextPcgsNumber();
        String coin = "[{\"pcgsNumber\": " + pcgs + ", \"year\": 1921, \"denomination\": \"$1\", "
                + "\"series\": \"Peace Dollar\", \"fullName\": \"1921 Peace Dollar (app admin)\"}]";
        Api.as(Tokens.app(Tokens.APP_ADMIN)).contentType("application/json").body(coin).post("/api/coins").then()
                .statusCode(200)
                .body("data.created", equalTo(1))
                .body("data.coins[0].pcgsNumber", equalTo(pcgs));
        Api.as(Tokens.app(TestData.newUser())).get("/api/coins/" + pcgs).then().statusCode(200)
                .body("data.fullName", equalTo("1921 Peace Dollar (app admin)"));
    }

    @Test
    void theUserIsTheUserIdClaimEvenWhenTheTokenAlsoHasASub() {
        String owner = TestData.newUser();
        String other = TestData.newUser();
        String id = Api.as(Tokens.app(owner)).contentType("application/json").body(BULLION).post("/api/collection").then()
                .statusCode(201).extract().path("data.id");

        Api.as(Tokens.appWithSub(other, owner)).get("/api/collection/" + id).then().statusCode(200)
                .body("data.id", equalTo(id));
        Api.as(Tokens.appWithSub(owner, other)).get("/api/collection/" + id).then().statusCode(404)
                .body("success", equalTo(false));
    }

    @Test
    void anotherUsersItemIsNotFoundOnEveryRouteAndStaysUnchanged() {
        String owner = TestData.newUser();
        String intruder = Tokens.app(TestData.newUser());
        String id = Api.as(Tokens.app(owner)).contentType("application/json").body(BULLION).post("/api/collection").then()
                .statusCode(201).extract().path("data.id");

        Api.as(intruder).get("/api/collection/" + id).then().statusCode(404).body("success", equalTo(false));
        Api.as(intruder).contentType("application/json").body("{\"title\": \"mine now\"}")
                .patch("/api/collection/" + id).then().statusCode(404);
        Api.as(intruder).delete("/api/collection/" + id).then().statusCode(404);
        Api.as(intruder).get("/api/collection/" + id + "/history").then().statusCode(404);
        Api.as(intruder).get("/api/collection").then().statusCode(200).body("data", hasSize(0));

        Api.as(Tokens.app(owner)).get("/api/collection").then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].id", equalTo(id))
                .body("data[0].title", equalTo("Maple Leafs"));
    }

    @Test
    void performanceAndSyncSeeOnlyTheCallersItems() {
        String owner = TestData.newUser();
        String coin = TestData.coin("1909-S VDB Lincoln Cent (app token)");
        TestData.price(coin, "MS65", TestData.daysAgo(31), "100.00", "95.00");
        TestData.price(coin, "MS65", TestData.daysAgo(2), "120.00", "110.00");
        String item = TestData.item(owner, coin, "MS65", "My VDB", "guide_price");

        // 120.00 now against 100.00 thirty-one days ago: +20.00, +20.00 %.
        Api.as(Tokens.app(owner)).get("/api/coins/performance").then().statusCode(200)
                .body("data.coins", hasSize(1))
                .body("data.coins[0].id", equalTo(item))
                .body("data.coins[0].currentPrice", comparesEqualTo(new BigDecimal("120.00")))
                .body("data.coins[0].priceOneMonthAgo", comparesEqualTo(new BigDecimal("100.00")))
                .body("data.coins[0].change", comparesEqualTo(new BigDecimal("20.00")))
                .body("data.coins[0].changePercent", comparesEqualTo(new BigDecimal("20.00")));

        String intruder = Tokens.app(TestData.newUser());
        Api.as(intruder).get("/api/coins/performance").then().statusCode(200).body("data.coins", hasSize(0));
        Api.as(intruder).post("/api/collection/sync-prices").then().statusCode(200).body("data.synced", equalTo(0));
    }
}
