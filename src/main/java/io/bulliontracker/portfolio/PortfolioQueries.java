package io.bulliontracker.portfolio;

/**
 * The portfolio's SQL, in one place. Every route is one statement over the same valuation: PostgreSQL
 * values each of the caller's items against the latest spot price of its metal and sums, and Java only
 * rounds. Multiplications on numeric are exact; the one division by 100 is written as {@code * 0.01}
 * so nothing is rounded before the end. Ratios are left to Java, which divides the exact sums.
 *
 * Per item (q = quantity): fine ounces are {@code weight_oz × q} for bullion, else
 * {@code precious_metal_oz × q}, else {@code metal_weight_oz × metal_purity × q}, else 0; melt is
 * ounces × spot (0 without a spot row, copper included); the book value follows {@code book_value_type};
 * the cost is the purchase price, or for spot-premium items ounces × the spot price at creation, or unknown.
 */
final class PortfolioQueries {

    private PortfolioQueries() {
    }

    /** $1: the user. Defines {@code spot} (one row per spot metal) and {@code valued} (one row per item). */
    private static final String VALUED_ITEMS = """
            WITH spot AS (
                SELECT m.metal, latest.price_per_oz AS spot
                FROM unnest(ARRAY['gold', 'silver', 'platinum', 'palladium']::text[]) AS m(metal)
                LEFT JOIN LATERAL (
                    SELECT s.price_per_oz FROM spot_prices s
                    WHERE s.metal = m.metal ORDER BY s.observed_at DESC LIMIT 1
                ) latest ON true
            ),
            held AS (
                SELECT i.category, i.metal, i.book_value_type, i.quantity, i.coin_reference_id, sp.spot,
                       i.premium_percent, i.numismatic_value, i.custom_book_value, i.purchase_price,
                       i.spot_price_at_creation,
                       CASE WHEN i.category = 'BULLION' THEN coalesce(i.weight_oz, 0)
                            ELSE coalesce(i.precious_metal_oz, i.metal_weight_oz * i.metal_purity, 0)
                       END * i.quantity AS oz
                FROM collection_items i
                LEFT JOIN spot sp ON sp.metal = i.metal
                WHERE i.user_id = $1
            ),
            melted AS (
                SELECT h.*, coalesce(h.oz * h.spot, 0) AS melt FROM held h
            ),
            valued AS (
                SELECT m.*,
                       CASE m.book_value_type
                           WHEN 'spot_premium' THEN m.melt * (1 + coalesce(m.premium_percent, 0) * 0.01)
                           WHEN 'guide_price' THEN coalesce(m.numismatic_value, 0) * m.quantity
                           ELSE coalesce(m.custom_book_value, 0)
                       END AS book,
                       CASE WHEN m.purchase_price IS NOT NULL THEN m.purchase_price
                            WHEN m.book_value_type = 'spot_premium' AND m.spot_price_at_creation IS NOT NULL
                                THEN m.oz * m.spot_price_at_creation
                       END AS cost
                FROM melted m
            )
            """;

    static final String SUMMARY = VALUED_ITEMS + """
            SELECT count(*) AS total_items,
                   coalesce(sum(oz) FILTER (WHERE metal = 'gold'), 0) AS gold_oz,
                   coalesce(sum(oz) FILTER (WHERE metal = 'silver'), 0) AS silver_oz,
                   coalesce(sum(oz) FILTER (WHERE metal = 'platinum'), 0) AS platinum_oz,
                   coalesce(sum(oz) FILTER (WHERE metal = 'palladium'), 0) AS palladium_oz,
                   coalesce(sum(oz) FILTER (WHERE category = 'NUMISMATIC' AND metal = 'gold'), 0) AS numismatic_gold_oz,
                   coalesce(sum(oz) FILTER (WHERE category = 'NUMISMATIC' AND metal = 'silver'), 0) AS numismatic_silver_oz,
                   coalesce(sum(oz) FILTER (WHERE category = 'NUMISMATIC' AND metal = 'platinum'), 0) AS numismatic_platinum_oz,
                   coalesce(sum(melt), 0) AS melt,
                   coalesce(sum(book), 0) AS book,
                   coalesce(sum(cost), 0) AS cost,
                   coalesce(sum(book - cost), 0) AS gain,
                   count(*) FILTER (WHERE spot IS NULL) AS without_spot,
                   count(*) FILTER (WHERE book_value_type = 'guide_price' AND numismatic_value IS NULL) AS unpriced,
                   (SELECT spot FROM spot WHERE metal = 'gold') AS gold_spot,
                   (SELECT spot FROM spot WHERE metal = 'silver') AS silver_spot,
                   (SELECT spot FROM spot WHERE metal = 'platinum') AS platinum_spot,
                   (SELECT spot FROM spot WHERE metal = 'palladium') AS palladium_spot
            FROM valued
            """;

    static final String VALUATION_BREAKDOWN = VALUED_ITEMS + """
            SELECT count(*) FILTER (WHERE book_value_type = 'spot_premium') AS premium_count,
                   coalesce(sum(book) FILTER (WHERE book_value_type = 'spot_premium'), 0) AS premium_book,
                   coalesce(sum(melt) FILTER (WHERE book_value_type = 'spot_premium'), 0) AS premium_melt,
                   coalesce(sum(coalesce(premium_percent, 0) * melt) FILTER (WHERE book_value_type = 'spot_premium'), 0)
                       AS premium_weighted,
                   count(*) FILTER (WHERE book_value_type = 'guide_price') AS guide_count,
                   coalesce(sum(book) FILTER (WHERE book_value_type = 'guide_price'), 0) AS guide_book,
                   coalesce(sum(melt) FILTER (WHERE book_value_type = 'guide_price'), 0) AS guide_melt,
                   count(*) FILTER (WHERE book_value_type = 'custom') AS custom_count,
                   coalesce(sum(book) FILTER (WHERE book_value_type = 'custom'), 0) AS custom_book,
                   -- Each item's newest history date from the end of its (item_id, price_date) key, then the
                   -- newest of those: one short index read per item instead of reading every history row
                   -- of the caller's items (130,919 at 10,000 items in the bench: 50-57 ms against 34 ms).
                   (SELECT max(newest.price_date) FROM collection_items i
                    CROSS JOIN LATERAL (
                        SELECT h.price_date FROM item_value_history h
                        WHERE h.item_id = i.id ORDER BY h.price_date DESC LIMIT 1
                    ) newest
                    WHERE i.user_id = $1) AS last_sync
            FROM valued
            """;

    /**
     * One row per group: the whole collection; each category; each metal; each (category, metal); each
     * (category, series). {@code grouping} tells them apart (a bit set per column summed over). An empty
     * collection still has the whole-collection row, with zero sums.
     */
    static final String COLLECTION_SUMMARY = VALUED_ITEMS + """
            SELECT v.category, v.metal,
                   CASE WHEN v.category = 'NUMISMATIC' THEN coalesce(c.series, 'Other') END AS series,
                   GROUPING(v.category, v.metal,
                            CASE WHEN v.category = 'NUMISMATIC' THEN coalesce(c.series, 'Other') END) AS grouping,
                   count(*) AS items, coalesce(sum(v.quantity), 0) AS pieces, coalesce(sum(v.oz), 0) AS oz,
                   coalesce(sum(v.book), 0) AS book
            FROM valued v
            LEFT JOIN coin_references c ON c.id = v.coin_reference_id
            GROUP BY GROUPING SETS ((), (v.category), (v.metal), (v.category, v.metal),
                                    (v.category, CASE WHEN v.category = 'NUMISMATIC' THEN coalesce(c.series, 'Other') END))
            ORDER BY grouping DESC, v.category, v.metal, series
            """;

    /** {@code grouping} values of COLLECTION_SUMMARY: bit 4 = category rolled up, 2 = metal, 1 = series. */
    static final int ALL = 7;
    static final int BY_CATEGORY = 3;
    static final int BY_METAL = 5;
    static final int BY_CATEGORY_AND_METAL = 1;
    static final int BY_CATEGORY_AND_SERIES = 2;
}
