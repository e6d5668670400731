package io.bulliontracker.security;

import static org.hamcrest.Matchers.equalTo;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.ResponseChecks;
import io.bulliontracker.testing.TestData;
import io.bulliontracker.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every /api route, without a token and with every kind of bad token, is a 401 in the envelope. */
@QuarkusTest
class RouteSecurityTests {

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("GET", "/api/coins/performance"),
                Arguments.of("POST", "/api/collection/sync-prices"),
                Arguments.of("GET", "/api/collection"),
                Arguments.of("POST", "/api/collection"),
                Arguments.of("GET", "/api/collection/some-id"),
                Arguments.of("PATCH", "/api/collection/some-id"),
                Arguments.of("DELETE", "/api/collection/some-id"),
                Arguments.of("GET", "/api/collection/some-id/history"),
                Arguments.of("GET", "/api/grades"),
                Arguments.of("POST", "/api/coins"),
                Arguments.of("GET", "/api/coins/search?q=a"),
                Arguments.of("GET", "/api/coins/2426"),
                Arguments.of("POST", "/api/coins/price-guide"),
                Arguments.of("GET", "/api/coins/price-guide?pcgsNumber=2426"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void everyApiRouteNeedsAValidToken(String method, String path) {
        for (String bearer : new String[] {null, Tokens.expired("u"), Tokens.notYetValid("u"), Tokens.wrongIssuer("u"),
                Tokens.foreignKey("u"), Tokens.tampered("u"), Tokens.unsigned("u"), Tokens.app("u"),
                Tokens.hs256SignedWithPublicKey("u")}) {
            var request = bearer == null ? Api.anonymous() : Api.as(bearer);
            String body = request.contentType("application/json").body("{}").request(method, path).then()
                    .statusCode(401).body("success", equalTo(false)).extract().asString();
            ResponseChecks.assertLeaksNothing(body);
        }
    }

    @Test
    void catalogWritesNeedTheAdminGroup() {
        Api.asUser(TestData.newUser()).contentType("application/json").body("[]").post("/api/coins").then()
                .statusCode(403).body("success", equalTo(false));
        Api.asUser(TestData.newUser()).contentType("application/json").body("[]").post("/api/coins/price-guide").then()
                .statusCode(403).body("success", equalTo(false));
    }
}
