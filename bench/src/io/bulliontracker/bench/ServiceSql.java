package io.bulliontracker.bench;

import java.lang.reflect.Field;
import java.time.LocalDate;

/**
 * The service's own SQL, read at run time from the compiled app classes by reflection. Naming the
 * constants in code would let javac inline them into the bench's class files (they are compile-time
 * constants), which is a copy; reading the fields means the floor always runs the jar's statements.
 */
final class ServiceSql {

    final String numismaticItems;
    final String coinNames;
    final String latestPricePerKey;
    final String guidePriceItems;
    final String updateValues;
    final String upsertHistory;
    /** The date LatestPriceQueries binds for "no cut-off" (the latest row of all), private in the service. */
    final LocalDate noCutoff;

    ServiceSql() {
        numismaticItems = constant("io.bulliontracker.valuation.PerformanceService", "NUMISMATIC_ITEMS");
        coinNames = constant("io.bulliontracker.valuation.PerformanceService", "COIN_NAMES");
        latestPricePerKey = constant("io.bulliontracker.valuation.LatestPriceQueries", "LATEST_PRICE_PER_KEY");
        guidePriceItems = constant("io.bulliontracker.valuation.PriceSyncService", "GUIDE_PRICE_ITEMS");
        updateValues = constant("io.bulliontracker.valuation.PriceSyncService", "UPDATE_VALUES");
        upsertHistory = constant("io.bulliontracker.valuation.PriceSyncService", "UPSERT_HISTORY");
        noCutoff = privateConstant("io.bulliontracker.valuation.LatestPriceQueries", "NO_CUTOFF");
    }

    private static LocalDate privateConstant(String className, String field) {
        try {
            Field f = Class.forName(className).getDeclaredField(field);
            f.setAccessible(true);
            return (LocalDate) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the app jar has no " + className + "." + field, e);
        }
    }

    private static String constant(String className, String field) {
        try {
            return (String) Class.forName(className).getField(field).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the app jar has no " + className + "." + field, e);
        }
    }
}
