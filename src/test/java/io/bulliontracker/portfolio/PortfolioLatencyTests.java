package io.bulliontracker.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulliontracker.spot.SpotRows;
import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.PgWireProxy;
import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a check: each portfolio route's latency for a 10,000-item collection over HTTP, next
 * to its database floor (the route's one statement run straight over JDBC, no proxy, no HTTP). Routes
 * and floors are timed round-robin so that a busy machine disturbs them alike. Off by default (about a
 * minute); run with {@code ./mvnw test -Dtest=PortfolioLatencyTests -Dportfolio.latency=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "portfolio.latency", matches = "true")
class PortfolioLatencyTests {

    private static final int ITEMS = 10_000;
    private static final int WARM_UP = 30;
    private static final int SAMPLES = 150;

    private static final Map<String, String> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("/api/portfolio/summary", PortfolioQueries.SUMMARY);
        ROUTES.put("/api/portfolio/valuation-breakdown", PortfolioQueries.VALUATION_BREAKDOWN);
        ROUTES.put("/api/collection/summary", PortfolioQueries.COLLECTION_SUMMARY);
    }

    @Test
    void printLatencyPerRouteAt10000Items() throws Exception {
        SpotRows.clear();
        for (String metal : List.of("gold", "silver", "platinum", "palladium")) {
            SpotRows.add(metal, SpotRows.now().minusSeconds(60), "1000.00");
        }
        String user = TestData.newUser();
        PortfolioFixtures.mixedCollection(user, ITEMS);
        TestData.update("ANALYZE collection_items");

        Map<String, List<Long>> http = new LinkedHashMap<>();
        Map<String, List<Long>> floor = new LinkedHashMap<>();
        try (Connection db = TestData.connect()) {
            for (int i = 0; i < WARM_UP + SAMPLES; i++) {
                for (Map.Entry<String, String> route : ROUTES.entrySet()) {
                    long httpMicros = timeHttp(user, route.getKey());
                    long floorMicros = timeSql(db, route.getValue(), user);
                    if (i >= WARM_UP) {
                        http.computeIfAbsent(route.getKey(), k -> new ArrayList<>()).add(httpMicros);
                        floor.computeIfAbsent(route.getKey(), k -> new ArrayList<>()).add(floorMicros);
                    }
                }
            }
        }
        for (String path : ROUTES.keySet()) {
            PgWireProxy.current().resetStatements();
            Api.asUser(user).get(path).then().statusCode(200);
            assertEquals(1, PgWireProxy.current().statements().size());
            System.out.printf("LATENCY %-36s items=%d samples=%d HTTP %s | SQL floor %s%n", path, ITEMS, SAMPLES,
                    summary(http.get(path)), summary(floor.get(path)));
        }
    }

    private static long timeHttp(String user, String path) {
        long started = System.nanoTime();
        Api.asUser(user).get(path).then().statusCode(200);
        return (System.nanoTime() - started) / 1_000;
    }

    private static long timeSql(Connection db, String sql, String user) throws Exception {
        long started = System.nanoTime();
        try (PreparedStatement statement = db.prepareStatement(sql.replace("$1", "?"))) {
            for (int p = 1; p <= statement.getParameterMetaData().getParameterCount(); p++) {
                statement.setString(p, user);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rows.getObject(1);
                }
            }
        }
        return (System.nanoTime() - started) / 1_000;
    }

    private static String summary(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        int n = sorted.size();
        return String.format("median %.1f ms, p90 %.1f ms, min %.1f ms", sorted.get(n / 2) / 1000.0,
                sorted.get(n * 9 / 10) / 1000.0, sorted.get(0) / 1000.0);
    }
}
