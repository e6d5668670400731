package io.bulliontracker.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class AuthenticationTests {

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                Arguments.of("expired", Tokens.expired("u1")),
                Arguments.of("not yet valid", Tokens.notYetValid("u1")),
                Arguments.of("wrong issuer", Tokens.wrongIssuer("u1")),
                Arguments.of("signed by a foreign key", Tokens.foreignKey("u1")),
                Arguments.of("tampered payload", Tokens.tampered("u1")),
                Arguments.of("alg none", Tokens.unsigned("u1")),
                Arguments.of("the app's HS256 token", Tokens.app("u1")),
                Arguments.of("HS256 signed with the RS256 public key", Tokens.hs256SignedWithPublicKey("u1")),
                Arguments.of("RS256 header over an HMAC made with the app's secret", Tokens.rs256HeaderOverAppHmac("u1")),
                Arguments.of("garbage", "Bearer not.a.jwt"),
                Arguments.of("wrong scheme", "Basic dXNlcjpwYXNz"));
    }

    @Test
    void missingTokenIsRefusedWithTheEnvelope() {
        Api.anonymous().get("/api/coins/performance").then().statusCode(401)
                .body("success", equalTo(false))
                .body("error", containsString("Authentication required"));
        Api.anonymous().post("/api/collection/sync-prices").then().statusCode(401).body("success", equalTo(false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void invalidTokensAreRefused(String why, String bearer) {
        Api.as(bearer).get("/api/coins/performance").then().statusCode(401)
                .body("success", equalTo(false))
                .body("error", not(containsString("Exception")));
    }

    @Test
    void validTokenIsAccepted() {
        Api.asUser("someone").get("/api/coins/performance").then().statusCode(200).body("success", equalTo(true));
    }

    @Test
    void devTokenRouteDoesNotExistOutsideDevMode() {
        Api.anonymous().get("/dev/token").then().statusCode(404).body("success", equalTo(false));
        Api.anonymous().get("/dev/token?role=admin").then().statusCode(404);
    }
}
