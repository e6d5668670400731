package io.bulliontracker.bench;

import static io.bulliontracker.bench.Database.await;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

/** What the bench database holds, read back for the report rather than assumed. */
record DataSummary(long coins, long priceRows, long priceRowsWithoutGreysheet, long pricedKeys, long items,
        long untitledItems, long estimatedGradeItems, long unpricedItems,
        long portfolioItems, long portfolioBullion, long portfolioGuide, long portfolioHistoryRows,
        long refreshUsers, long refreshItems, long spotRows) {

    private static final String QUERY = """
            SELECT (SELECT count(*) FROM coin_references),
                   (SELECT count(*) FROM price_guide),
                   (SELECT count(*) FROM price_guide WHERE greysheet_price IS NULL),
                   (SELECT count(DISTINCT (coin_reference_id, grade_code)) FROM price_guide),
                   count(*),
                   count(*) FILTER (WHERE title IS NULL),
                   count(*) FILTER (WHERE grade LIKE '~%'),
                   count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM price_guide p
                                     WHERE p.coin_reference_id = i.coin_reference_id AND p.grade_code = ltrim(i.grade, '~'))),
                   (SELECT count(*) FROM collection_items WHERE user_id LIKE 'bench-portfolio-%'),
                   (SELECT count(*) FROM collection_items WHERE user_id LIKE 'bench-portfolio-%' AND category = 'BULLION'),
                   (SELECT count(*) FROM collection_items WHERE user_id LIKE 'bench-portfolio-%' AND book_value_type = 'guide_price'),
                   (SELECT count(*) FROM item_value_history WHERE item_id LIKE 'pf-%' AND price_date < current_date),
                   (SELECT count(DISTINCT user_id) FROM collection_items WHERE user_id LIKE 'bench-refresh-%'),
                   (SELECT count(*) FROM collection_items WHERE user_id LIKE 'bench-refresh-%')
            FROM collection_items i
            WHERE user_id LIKE 'bench-user-%'
            """;

    static DataSummary read(SqlConnection conn) {
        Row r = await(conn.query(QUERY).execute()).iterator().next();
        // The spot-price table comes with the portfolio routes' migration, which this build may not have.
        boolean spot = await(conn.query("SELECT to_regclass('spot_prices') IS NOT NULL").execute()).iterator().next().getBoolean(0);
        long spotRows = spot ? await(conn.query("SELECT count(*) FROM spot_prices").execute()).iterator().next().getLong(0) : -1;
        return new DataSummary(r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11), r.getLong(12),
                r.getLong(13), spotRows);
    }
}
