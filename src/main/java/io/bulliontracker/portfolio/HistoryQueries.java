package io.bulliontracker.portfolio;

/**
 * The portfolio history's one statement. Valuing every item at every date would cost items × dates
 * rows (10,000 items × 523 weekly points over ten years: five million). Instead each item becomes
 * <em>events</em>, changes to running totals that start on the day it was acquired, and a guide item
 * adds one event per change of its guide value. A running sum over the events then gives, at any
 * date, the totals of the items held that day, per category and metal: fine ounces (melt), ounces
 * weighted by 1 + premium (spot-premium book value), fixed amounts (custom and guide book values) and
 * cost. Each date multiplies its ounces by that date's spot price, looked up once per metal, not once
 * per item. Work grows with items + value changes + dates, never with their product.
 *
 * The guide value at a date d is the item's latest value-history row on or before d, else its current
 * {@code numismatic_value} (null counts 0). It is carried as the value at the range's start (one index
 * probe per item) plus one event per row inside the range that differs from the row before it, read in
 * key order from the index that covers the value (V7). Events before an item was acquired are moved to
 * its acquisition day, where they add up to its value on that day.
 *
 * Exactness: numeric sums and products are exact, and Σ(ounces × spot) equals spot × Σ ounces, so the
 * figures are those of valuing item by item; only Java rounds, once.
 *
 * $1 the user, $2 the dates (ascending), $3 the first date, $4 the last.
 */
final class HistoryQueries {

    private HistoryQueries() {
    }

    static final String HISTORY = """
            WITH points AS (
                SELECT unnest($2::date[]) AS day
            ),
            spot AS (
                SELECT p.day, m.metal, latest.price_per_oz AS spot
                FROM points p
                CROSS JOIN unnest(ARRAY['gold', 'silver', 'platinum', 'palladium']::text[]) AS m(metal)
                JOIN LATERAL (
                    SELECT s.price_per_oz FROM spot_prices s
                    WHERE s.metal = m.metal AND s.observed_at < (p.day + 1)::timestamp AT TIME ZONE 'UTC'
                    ORDER BY s.observed_at DESC LIMIT 1
                ) latest ON true
            ),
            held AS (
                SELECT i.id, i.category, i.metal, i.book_value_type, i.quantity, i.premium_percent,
                       i.numismatic_value, i.custom_book_value, i.purchase_price, i.spot_price_at_creation,
                       coalesce(i.purchase_date, (i.created_at AT TIME ZONE 'UTC')::date) AS held_from,
                       CASE WHEN i.category = 'BULLION' THEN coalesce(i.weight_oz, 0)
                            ELSE coalesce(i.precious_metal_oz, i.metal_weight_oz * i.metal_purity, 0)
                       END * i.quantity AS oz
                FROM collection_items i
                WHERE i.user_id = $1 AND coalesce(i.purchase_date, (i.created_at AT TIME ZONE 'UTC')::date) <= $4
            ),
            guided AS (
                SELECT h.id, h.held_from, h.category, h.metal, h.quantity,
                       coalesce(before_start.value, h.numismatic_value, 0) AS value_at_start
                FROM held h
                LEFT JOIN LATERAL (
                    SELECT v.value FROM item_value_history v
                    WHERE v.item_id = h.id AND v.price_date <= $3
                    ORDER BY v.price_date DESC LIMIT 1
                ) before_start ON true
                WHERE h.book_value_type = 'guide_price'
            ),
            events AS (
                SELECT h.held_from AS day, h.category, h.metal, h.oz AS melt_oz,
                       CASE WHEN h.book_value_type = 'spot_premium'
                            THEN h.oz * (1 + coalesce(h.premium_percent, 0) * 0.01) ELSE 0
                       END AS premium_oz,
                       CASE WHEN h.book_value_type = 'custom' THEN coalesce(h.custom_book_value, 0) ELSE 0 END AS fixed,
                       CASE WHEN h.purchase_price IS NOT NULL THEN h.purchase_price
                            WHEN h.book_value_type = 'spot_premium' THEN coalesce(h.oz * h.spot_price_at_creation, 0)
                            ELSE 0
                       END AS cost
                FROM held h
                UNION ALL
                SELECT g.held_from, g.category, g.metal, 0, 0, g.value_at_start * g.quantity, 0
                FROM guided g
                UNION ALL
                SELECT greatest(g.held_from, c.price_date), g.category, g.metal, 0, 0,
                       (c.value - c.previous) * g.quantity, 0
                FROM guided g
                CROSS JOIN LATERAL (
                    SELECT v.price_date, v.value,
                           lag(v.value, 1, g.value_at_start) OVER (ORDER BY v.price_date) AS previous
                    FROM item_value_history v
                    WHERE v.item_id = g.id AND v.price_date > $3 AND v.price_date <= $4
                ) c
                WHERE c.value <> c.previous
            ),
            timeline AS (
                SELECT day, category, metal, sum(melt_oz) AS melt_oz, sum(premium_oz) AS premium_oz,
                       sum(fixed) AS fixed, sum(cost) AS cost, false AS is_point
                FROM events
                GROUP BY day, category, metal
                UNION ALL
                SELECT p.day, k.category, k.metal, 0, 0, 0, 0, true
                FROM points p
                CROSS JOIN (SELECT DISTINCT category, metal FROM held) k
            ),
            running AS (
                -- RANGE framing: a point's row sums every event up to and including its own day.
                SELECT day, category, metal, is_point,
                       sum(melt_oz) OVER w AS melt_oz, sum(premium_oz) OVER w AS premium_oz,
                       sum(fixed) OVER w AS fixed, sum(cost) OVER w AS cost
                FROM timeline
                WINDOW w AS (PARTITION BY category, metal ORDER BY day)
            ),
            valued AS (
                SELECT r.day, r.category, r.cost, coalesce(r.melt_oz * s.spot, 0) AS melt,
                       coalesce(r.premium_oz * s.spot, 0) + r.fixed AS book
                FROM running r
                LEFT JOIN spot s ON s.day = r.day AND s.metal = r.metal
                WHERE r.is_point
            )
            SELECT p.day,
                   coalesce(sum(v.melt), 0) AS melt,
                   coalesce(sum(v.book), 0) AS book,
                   coalesce(sum(v.book) FILTER (WHERE v.category = 'BULLION'), 0) AS bullion,
                   coalesce(sum(v.book) FILTER (WHERE v.category = 'NUMISMATIC'), 0) AS numismatic,
                   coalesce(sum(v.cost), 0) AS cost
            FROM points p
            LEFT JOIN valued v ON v.day = p.day
            GROUP BY p.day
            ORDER BY p.day
            """;
}
