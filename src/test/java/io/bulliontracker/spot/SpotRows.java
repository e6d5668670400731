package io.bulliontracker.spot;

import io.bulliontracker.testing.TestData;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Spot-price fixtures. Spot prices are market-wide, not per user, so a test that depends on them starts
 * from an empty table and writes exactly the rows it reasons about (tests of a run go one at a time).
 */
public final class SpotRows {

    private SpotRows() {
    }

    public static void clear() {
        TestData.update("DELETE FROM spot_prices");
    }

    public static void add(String metal, Instant observedAt, String pricePerOz) {
        TestData.update("INSERT INTO spot_prices (metal, observed_at, price_per_oz, source) VALUES (?, ?, ?::numeric, 'test')",
                metal, observedAt.atOffset(ZoneOffset.UTC), pricePerOz);
    }

    /** Now, to the millisecond (what the service prints), so a fixture's time can be compared with its answer. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static long count(String metal) {
        return TestData.count("SELECT count(*) FROM spot_prices WHERE metal = ?", metal);
    }

    public static long count() {
        return TestData.count("SELECT count(*) FROM spot_prices");
    }
}
