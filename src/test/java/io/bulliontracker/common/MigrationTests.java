package io.bulliontracker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test run's database starts empty: everything in it was made by the service's migrations at start-up. */
@QuarkusTest
class MigrationTests {

    @Test
    void migrationsBuildTheSchemaOnAnEmptyDatabase() {
        List<List<Object>> applied = TestData.rows("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
        assertTrue(applied.size() >= 3, "applied: " + applied);
        applied.forEach(row -> assertEquals(Boolean.TRUE, row.get(1)));
        for (String table : List.of("collection_items", "coin_references", "valid_grades", "price_guide", "item_value_history")) {
            assertEquals(1, TestData.count("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", table), table);
        }
        assertEquals(41, TestData.count("SELECT count(*) FROM valid_grades"));
        assertEquals(1, TestData.count("SELECT count(*) FROM pg_indexes WHERE indexname = 'price_guide_latest_idx'"));
    }
}
