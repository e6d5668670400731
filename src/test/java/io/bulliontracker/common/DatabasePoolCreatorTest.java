package io.bulliontracker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.valuation.LatestPriceQueries;
import io.bulliontracker.valuation.PerformanceService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statements the client keeps prepared: all but those bound to large arrays, and very long texts. */
class DatabasePoolCreatorTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, PlannedPerCall.LARGE})
    void upToFiveHundredElementsAStatementIsSentAsWrittenAndStaysCached(int elements) {
        String sql = PlannedPerCall.sql(LatestPriceQueries.LATEST_PRICE_PER_KEY, elements);
        assertEquals(LatestPriceQueries.LATEST_PRICE_PER_KEY, sql);
        assertTrue(DatabasePoolCreator.cached(sql));
    }

    @ParameterizedTest
    @ValueSource(ints = {PlannedPerCall.LARGE + 1, 10_000})
    void aboveItTheStatementIsMarkedAndPlannedAtEachCall(int elements) {
        String sql = PlannedPerCall.sql(LatestPriceQueries.CURRENT_PRICE_PER_KEY, elements);
        assertTrue(sql.startsWith(LatestPriceQueries.CURRENT_PRICE_PER_KEY));
        assertFalse(DatabasePoolCreator.cached(sql));
        assertEquals(LatestPriceQueries.CURRENT_PRICE_PER_KEY, PlannedPerCall.unmarked(sql));
    }

    @Test
    void theMarkComesOffATextWhoseWhitespaceWasCollapsed() {
        String collapsed = PlannedPerCall.sql("SELECT 1 WHERE x = ANY($1::text[])", 501).replaceAll("\\s+", " ");
        assertEquals("SELECT 1 WHERE x = ANY($1::text[])", PlannedPerCall.unmarked(collapsed));
    }

    @Test
    void statementsNotBoundToArraysStayCached() {
        assertTrue(DatabasePoolCreator.cached(PerformanceService.NUMISMATIC_ITEMS));
        assertEquals(PerformanceService.COIN_NAMES, PlannedPerCall.unmarked(PerformanceService.COIN_NAMES));
    }

    @Test
    void aStatementOfTwoThousandCharactersOrMoreIsNotCachedAsTheClientsDefault() {
        assertTrue(DatabasePoolCreator.cached("SELECT 1" + " ".repeat(2039)));
        assertFalse(DatabasePoolCreator.cached("SELECT 1" + " ".repeat(2040)));
    }
}
