package io.bulliontracker.common;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.bulliontracker.testing.Tokens;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every class of failure the framework raises reaches the client in the contract's envelope. */
@QuarkusTest
class ErrorEnvelopeTests {

    @Test
    void unknownRouteIsNotFoundInTheEnvelope() {
        Api.asUser(TestData.newUser()).get("/api/no-such-route").then().statusCode(404)
                .contentType("application/json")
                .body("success", equalTo(false)).body("error", equalTo("Not found"));
        Api.anonymous().get("/nothing/here").then().statusCode(404).body("success", equalTo(false));
    }

    @Test
    void wrongMethodIsRefusedInTheEnvelope() {
        Api.asUser(TestData.newUser()).delete("/api/coins/performance").then().statusCode(405)
                .body("success", equalTo(false)).body("error", equalTo("Method not allowed"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        Api.asUser(TestData.newUser()).contentType("application/json").body("{\"itemId\": ")
                .post("/api/collection/sync-prices").then().statusCode(400)
                .body("success", equalTo(false)).body("error", containsString("Malformed JSON"));
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaType() {
        Api.asUser(TestData.newUser()).contentType("text/plain").body("itemId=1")
                .post("/api/collection/sync-prices").then().statusCode(415)
                .body("success", equalTo(false)).body("error", containsString("Unsupported media type"));
    }

    /**
     * The server answers 413 as soon as it reads the declared length, before the upload ends, so the
     * request is written by hand: an HTTP client still uploading would only see a broken pipe.
     */
    @Test
    void bodyOverTenMebibytesIsTooLarge() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/collection/sync-prices HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + Tokens.user(TestData.newUser()) + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (10 * 1024 * 1024 + 1) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write("{\"itemId\": \"".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("\"success\":false") && response.contains("too large"), response);
        }
    }

    @Test
    void invalidQueryParameterNamesTheField() {
        Api.asUser(TestData.newUser()).queryParam("days", "many").get("/api/coins/performance").then().statusCode(400)
                .body("success", equalTo(false))
                .body("details.field", equalTo("days"))
                .body("error", not(containsString("Exception")));
    }

    @Test
    void securityHeadersAreSet() {
        Api.asUser(TestData.newUser()).get("/api/coins/performance").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");
    }
}
