package io.bulliontracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.TestData;
import io.bulliontracker.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * /q/metrics keeps one series per route, whatever paths callers make up. Micrometer keeps at most 100
 * distinct uri tags for HTTP requests and drops every series after that; a raw path as a tag would let
 * anyone fill those 100 and leave real routes unmeasured.
 */
@QuarkusTest
class MetricsCardinalityTests {

    private static final Pattern URI_TAG = Pattern.compile("^http_server_requests_seconds_count\\{.*uri=\"([^\"]*)\".*$");
    /** A series no other test produces, so its appearance proves that new series are still created. */
    private static final Pattern HEAD_GRADES = Pattern.compile(
            "^http_server_requests_seconds_count\\{(?=.*method=\"HEAD\")(?=.*status=\"200\")(?=.*uri=\"/api/grades\").*\\} (\\S+)$");

    @Test
    void madeUpPathsNeverBecomeUriTagsAndRealRoutesKeepTheirSeries() throws Exception {
        BigDecimal headsBefore = headGradesCount();
        String user = Tokens.user(TestData.newUser());
        List<String> probes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // Anonymous wrong method on an item path (405), the attack as reported.
            probes.add(status(RawHttp.send("POST /api/collection/probe-card-" + i + " HTTP/1.1\r\nContent-Type: application/json", "{}")));
            // Anonymous read of an item (401), authenticated wrong method (405), OPTIONS (405), an unknown path (404).
            probes.add(status(RawHttp.send("GET /api/collection/probe-anon-" + i + " HTTP/1.1", null)));
            probes.add(status(RawHttp.send("DELETE /api/coins/probe-delete-" + i + " HTTP/1.1\r\nAuthorization: " + user, null)));
            probes.add(status(RawHttp.send("OPTIONS /api/collection/probe-options-" + i + " HTTP/1.1", null)));
            probes.add(status(RawHttp.send("GET /api/probe-unknown-" + i + "/x HTTP/1.1\r\nAuthorization: " + user, null)));
        }
        assertEquals(150, probes.size());
        assertTrue(probes.stream().allMatch(s -> s.startsWith("4")), probes.toString());

        Api.asUser(TestData.newUser()).head("/api/grades").then().statusCode(200);

        List<String> metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString().lines().toList();
        Set<String> uris = new TreeSet<>();
        for (String line : metrics) {
            Matcher m = URI_TAG.matcher(line);
            if (m.matches()) {
                uris.add(m.group(1));
            }
        }
        assertTrue(uris.stream().noneMatch(uri -> uri.contains("probe")), "raw paths as uri tags: " + uris);
        // Templates and fixed names only, far from the cap of 100 whatever ran before in this JVM.
        assertTrue(uris.size() < 50, uris.size() + " uri tags: " + uris);
        assertTrue(uris.contains("/api/collection/{id}"), "the anonymous 401s counted under the route: " + uris);
        assertEquals(0, headsBefore.add(BigDecimal.ONE).compareTo(headGradesCount()), "HEAD /api/grades series after the flood");
    }

    private static String status(RawHttp.Answer answer) {
        return String.valueOf(answer.status());
    }

    private static BigDecimal headGradesCount() {
        for (String line : RestAssured.get("/q/metrics").asString().lines().toList()) {
            Matcher m = HEAD_GRADES.matcher(line);
            if (m.matches()) {
                return new BigDecimal(m.group(1));
            }
        }
        return BigDecimal.ZERO;
    }
}
