package io.bulliontracker.bench;

import static io.bulliontracker.bench.Database.await;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

/** What the bench database holds, read back for the report rather than assumed. */
record DataSummary(long coins, long priceRows, long priceRowsWithoutGreysheet, long pricedKeys, long items,
        long untitledItems, long estimatedGradeItems, long unpricedItems) {

    private static final String QUERY = """
            SELECT (SELECT count(*) FROM coin_references),
                   (SELECT count(*) FROM price_guide),
                   (SELECT count(*) FROM price_guide WHERE greysheet_price IS NULL),
                   (SELECT count(DISTINCT (coin_reference_id, grade_code)) FROM price_guide),
                   count(*),
                   count(*) FILTER (WHERE title IS NULL),
                   count(*) FILTER (WHERE grade LIKE '~%'),
                   count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM price_guide p
                                     WHERE p.coin_reference_id = i.coin_reference_id AND p.grade_code = ltrim(i.grade, '~')))
            FROM collection_items i
            """;

    static DataSummary read(SqlConnection conn) {
        Row r = await(conn.query(QUERY).execute()).iterator().next();
        return new DataSummary(r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                r.getLong(6), r.getLong(7));
    }
}
