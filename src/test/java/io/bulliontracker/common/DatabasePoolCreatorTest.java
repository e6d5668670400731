package io.bulliontracker.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.valuation.LatestPriceQueries;
import io.bulliontracker.valuation.PerformanceService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statements the client keeps prepared: none bound to an array, whose plan depends on its size. */
class DatabasePoolCreatorTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT id FROM collection_items WHERE user_id = $1",
            "UPDATE collection_items SET title = $2 WHERE id = $1",
            // An array literal in the text is not a parameter: its size is in the plan already.
            "SELECT m FROM unnest(ARRAY['gold', 'silver']::text[]) AS m"})
    void statementsWithoutArrayParametersStayCached(String sql) {
        assertTrue(DatabasePoolCreator.cached(sql));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT id, full_name FROM coin_references WHERE id = ANY($1::text[])",
            "INSERT INTO t SELECT * FROM unnest($1::text[], $2::date[], $3::numeric[])",
            "SELECT 1 WHERE $12::bigint[] IS NOT NULL"})
    void statementsBoundToArraysArePlannedAtEachCall(String sql) {
        assertFalse(DatabasePoolCreator.cached(sql));
    }

    @Test
    void theValuationStatementsBoundToKeysAreNotCachedAndTheItemsReadIs() {
        assertFalse(DatabasePoolCreator.cached(LatestPriceQueries.CURRENT_PRICE_PER_KEY));
        assertFalse(DatabasePoolCreator.cached(LatestPriceQueries.LATEST_PRICE_PER_KEY));
        assertFalse(DatabasePoolCreator.cached(PerformanceService.COIN_NAMES));
        assertTrue(DatabasePoolCreator.cached(PerformanceService.NUMISMATIC_ITEMS));
    }

    @Test
    void aStatementOfTwoThousandCharactersOrMoreIsNotCachedAsTheClientsDefault() {
        assertTrue(DatabasePoolCreator.cached("SELECT 1" + " ".repeat(2039)));
        assertFalse(DatabasePoolCreator.cached("SELECT 1" + " ".repeat(2040)));
    }
}
