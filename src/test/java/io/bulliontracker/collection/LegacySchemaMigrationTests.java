package io.bulliontracker.collection;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulliontracker.testing.Api;
import io.bulliontracker.testing.TestData;
import io.bulliontracker.testing.TestDatabaseResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Rows written under the previous schema keep working: the test database is built with migrations
 * V1-V4 only and filled the way the old app left its data (purities as percents, estimate markers out
 * of step with the flag); the service then starts, migrates it to V5, and serves the old items.
 */
@QuarkusTest
@TestProfile(LegacySchemaMigrationTests.LegacyData.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LegacySchemaMigrationTests {

    static final String USER = "legacy-user";

    public static class LegacyData implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LegacyDatabase.class));
        }
    }

    /** The test run's fresh database, at schema version 4 with legacy rows in it before the service starts. */
    public static class LegacyDatabase extends TestDatabaseResource {

        @Override
        public Map<String, String> start() {
            Map<String, String> config = super.start();
            String url = config.get("test.jdbc.url");
            String user = config.get("quarkus.datasource.username");
            String password = config.get("quarkus.datasource.password");
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("4").load()
                    .migrate();
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("""
                        INSERT INTO coin_references (id, pcgs_number, year, denomination, series, metal, weight_oz, fineness, full_name)
                        VALUES ('legacy-coin', 7172, 1881, '$1', 'Morgan Dollar', 'silver', 0.8594, 0.9, '1881 Morgan Dollar');
                        INSERT INTO price_guide (coin_reference_id, grade_code, price_date, pcgs_price, greysheet_price, price_source)
                        VALUES ('legacy-coin', 'MS65', DATE '2024-01-02', 250.00, 240.00, 'both');
                        INSERT INTO collection_items (id, user_id, category, type, title, metal, quantity, weight_oz,
                            book_value_type, premium_percent, spot_price_at_creation, purchase_date, purchase_price, created_at)
                        VALUES ('legacy-1', 'legacy-user', 'BULLION', 'bulk', 'Old maples', 'silver', 10, 1,
                            'spot_premium', 2.5, 23.10, DATE '2023-05-01', 250.00, timestamptz '2023-05-01 10:00:00+00');
                        INSERT INTO collection_items (id, user_id, category, title, metal, metal_purity, metal_weight_oz,
                            precious_metal_oz, book_value_type, custom_book_value, grade, is_grade_estimated, created_at)
                        VALUES ('legacy-2', 'legacy-user', 'NUMISMATIC', 'Old medal', 'silver', 90, 0.8,
                            0.30000000000000004, 'custom', 40, '~~MS65', false, timestamptz '2023-05-02 10:00:00+00');
                        INSERT INTO collection_items (id, user_id, category, title, metal, book_value_type, coin_reference_id,
                            grade, is_grade_estimated, numismatic_value, created_at)
                        VALUES ('legacy-3', 'legacy-user', 'NUMISMATIC', 'Old Morgan', 'silver', 'guide_price', 'legacy-coin',
                            'MS65', true, 230, timestamptz '2023-05-03 10:00:00+00');
                        INSERT INTO collection_items (id, user_id, category, title, metal, book_value_type, custom_book_value,
                            is_grade_estimated, created_at)
                        VALUES ('legacy-4', 'legacy-user', 'NUMISMATIC', 'Ungraded', 'copper', 'custom', 1, true,
                            timestamptz '2023-05-04 10:00:00+00');
                        INSERT INTO item_value_history (item_id, price_date, value, value_type, source)
                        VALUES ('legacy-3', DATE '2024-01-01', 220, 'guide_price', 'greysheet'),
                               ('legacy-3', DATE '2024-01-02', 230, 'guide_price', 'greysheet');
                        """);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot fill the legacy schema", e);
            }
            return config;
        }
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @BeforeEach
    void warmUp() {
        CollectionFixtures.warmUp();
    }

    @Test
    @Order(1)
    void theServiceMigratesTheLegacySchemaAndServesTheOldItems() {
        // V1–V4 were laid down as the old app had them; the service applied every later migration.
        assertEquals(migrationVersions(),
                TestData.rows("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL AND success ORDER BY installed_rank"));

        JsonPath list = Api.asUser(USER).get("/api/collection").then().statusCode(200)
                .body("data", hasSize(4))
                .body("data.id", equalTo(List.of("legacy-4", "legacy-3", "legacy-2", "legacy-1")))
                .extract().jsonPath();
        for (int i = 0; i < 4; i++) {
            assertEquals(List.of(), list.getList("data[" + i + "].images"), "images of " + list.getString("data[" + i + "].id"));
        }
        Api.asUser(USER).get("/api/collection/legacy-1").then().statusCode(200)
                .body("data.title", equalTo("Old maples")).body("data.quantity", equalTo(10))
                .body("data.purchasePrice", comparesEqualTo(dec("250.00")))
                .body("data.spotPriceAtCreation", comparesEqualTo(dec("23.10")))
                .body("data.purchaseDate", equalTo("2023-05-01"))
                .body("data.createdAt", equalTo("2023-05-01T10:00:00Z"));
        // A purity stored as the percent the clients sent reads as a fraction; "~~" collapses, the flag follows it.
        Api.asUser(USER).get("/api/collection/legacy-2").then().statusCode(200)
                .body("data.metalPurity", comparesEqualTo(dec("0.9")))
                .body("data.grade", equalTo("~MS65")).body("data.isGradeEstimated", equalTo(true));
        Api.asUser(USER).get("/api/collection/legacy-3").then().statusCode(200)
                .body("data.grade", equalTo("~MS65")).body("data.isGradeEstimated", equalTo(true))
                .body("data.numismaticValue", comparesEqualTo(dec("230.00")));
        Api.asUser(USER).get("/api/collection/legacy-4").then().statusCode(200)
                .body("data.grade", nullValue()).body("data.isGradeEstimated", equalTo(false));
        Api.asUser(USER).queryParam("limit", 30).get("/api/collection/legacy-3/history").then().statusCode(200)
                .body("data.priceDate", equalTo(List.of("2024-01-02", "2024-01-01")));
    }

    @Test
    @Order(2)
    void oldItemsAcceptUpdatesAndSyncs() {
        // A float the old app stored (0.30000000000000004 oz) does not block an edit of another field.
        Api.asUser(USER).contentType("application/json").body("{\"notes\": \"still here\"}")
                .put("/api/collection/legacy-2").then().statusCode(200)
                .body("data.notes", equalTo("still here")).body("data.metalPurity", comparesEqualTo(dec("0.9")));
        Api.asUser(USER).contentType("application/json").body("{\"images\": [\"https://x/old.jpg\"]}")
                .put("/api/collection/legacy-1").then().statusCode(200).body("data.images[0].url", equalTo("https://x/old.jpg"));
        Api.asUser(USER).contentType("application/json").body("{\"itemId\": \"legacy-3\"}")
                .post("/api/collection/sync-prices").then().statusCode(200).body("data.synced", equalTo(1));
        Api.asUser(USER).get("/api/collection/legacy-3").then().body("data.numismaticValue", comparesEqualTo(dec("240.00")));
    }

    private static List<List<String>> migrationVersions() {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .sorted()
                    .map(v -> List.of(String.valueOf(v)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
