package io.bulliontracker.valuation;

import io.bulliontracker.common.PlannedPerCall;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The latest priced price-guide row for many (coin, grade) keys in one statement. The keys travel as two
 * parallel arrays, so the statement text and its parameter count stay the same for 1 key or 10,000, and
 * each price comes back with its key's position in those arrays ({@link KeyPositions}).
 *
 * <p>Current prices come from {@code price_guide_latest} (one row per key, kept by the import in its
 * upsert statement), which PostgreSQL joins to the keys by hash join for a large collection: no index
 * descent per key. A price on or before a cut-off comes from the history, in two steps in one statement:
 * the week before the cut-off for every key at once, then a probe of the (coin, grade, date DESC) index
 * only for the keys that week did not price.
 *
 * <p>For a large collection both statements are planned with their arrays ({@link PlannedPerCall}), so
 * PostgreSQL knows how many keys they hold and joins; a small one keeps the cached plan, which searches
 * the indexes per key, the right choice for a few keys.
 */
@ApplicationScoped
public class LatestPriceQueries {

    /** Each key's current price: the latest priced row, as the import left it in {@code price_guide_latest}. */
    public static final String CURRENT_PRICE_PER_KEY = """
            SELECT k.position, l.pcgs_price, l.greysheet_price, l.price_date
            FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(coin_reference_id, grade_code, position)
            JOIN price_guide_latest l
              ON l.coin_reference_id = k.coin_reference_id AND l.grade_code = k.grade_code
            """;

    /**
     * How far before the cut-off the first step looks: a week, the longest gap between a key's rows that
     * a price guide updated weekly or more often leaves. Any width gives the same answer (the second step
     * finds what the first does not); the width only decides how many keys need a probe.
     */
    static final int CUTOFF_WINDOW_DAYS = 7;

    /**
     * Each key's latest priced row on or before the cut-off ($3). First the priced rows dated in the week
     * up to the cut-off, for every key at once (one range scan of {@code price_guide_priced_by_date_idx},
     * joined to the keys, the latest per key kept): a key with a row in that week has its answer there,
     * since any other row on or before the cut-off is older. Only a key with no row in that week is probed
     * in the history, below the week; the probe's condition on {@code recent} makes it a one-time filter
     * that skips the index entirely for a key the week priced.
     *
     * <p>At 10,000 keys this reads the answer for most keys from one index range instead of 10,000 index
     * descents (bench/RESULTS.md); for a collection that is a small part of the catalog the planner keeps
     * per-key probes for both steps.
     */
    public static final String LATEST_PRICE_PER_KEY = """
            WITH k AS MATERIALIZED (
                SELECT * FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(coin_reference_id, grade_code, position)
            ), recent AS (
                SELECT DISTINCT ON (k.position) k.position, g.pcgs_price, g.greysheet_price, g.price_date
                FROM k
                JOIN price_guide g
                  ON g.coin_reference_id = k.coin_reference_id AND g.grade_code = k.grade_code
                WHERE g.price_date > $3::date - %1$d AND g.price_date <= $3::date
                  AND (g.pcgs_price IS NOT NULL OR g.greysheet_price IS NOT NULL)
                ORDER BY k.position, g.price_date DESC
            )
            SELECT k.position,
                   coalesce(r.pcgs_price, p.pcgs_price), coalesce(r.greysheet_price, p.greysheet_price),
                   coalesce(r.price_date, p.price_date)
            FROM k
            LEFT JOIN recent r ON r.position = k.position
            LEFT JOIN LATERAL (
                SELECT g.pcgs_price, g.greysheet_price, g.price_date
                FROM price_guide g
                WHERE r.price_date IS NULL
                  AND g.coin_reference_id = k.coin_reference_id
                  AND g.grade_code = k.grade_code
                  AND g.price_date <= $3::date - %1$d
                  AND (g.pcgs_price IS NOT NULL OR g.greysheet_price IS NOT NULL)
                ORDER BY g.price_date DESC
                LIMIT 1
            ) p ON true
            WHERE r.price_date IS NOT NULL OR p.price_date IS NOT NULL
            """.formatted(CUTOFF_WINDOW_DAYS);

    /**
     * {@link #LATEST_PRICE_PER_KEY}'s parameters: the keys as two parallel text arrays, then the cut-off.
     * Public so the benchmark's database floor binds exactly what the service binds.
     */
    public static Tuple keyParameters(Collection<GradedCoin> keys, LocalDate cutoff) {
        return currentKeyParameters(keys).addLocalDate(cutoff);
    }

    /** {@link #CURRENT_PRICE_PER_KEY}'s parameters: the keys as two parallel text arrays. */
    public static Tuple currentKeyParameters(Collection<GradedCoin> keys) {
        String[] coins = new String[keys.size()];
        String[] grades = new String[keys.size()];
        int i = 0;
        for (GradedCoin key : keys) {
            coins[i] = key.coinReferenceId();
            grades[i++] = key.gradeCode();
        }
        return Tuple.tuple().addArrayOfString(coins).addArrayOfString(grades);
    }

    /** Each key's current price, at the key's position; null where the key has none. */
    public Uni<GuidePrice[]> latest(SqlClient client, List<GradedCoin> keys) {
        return prices(client, CURRENT_PRICE_PER_KEY, keys, currentKeyParameters(keys));
    }

    /** Each key's price on or before the cut-off, at the key's position; null where the key has none. */
    public Uni<GuidePrice[]> latestOnOrBefore(SqlClient client, List<GradedCoin> keys, LocalDate cutoff) {
        return prices(client, LATEST_PRICE_PER_KEY, keys, keyParameters(keys, cutoff));
    }

    private static Uni<GuidePrice[]> prices(SqlClient client, String sql, List<GradedCoin> keys, Tuple parameters) {
        GuidePrice[] prices = new GuidePrice[keys.size()];
        if (keys.isEmpty()) {
            return Uni.createFrom().item(prices);
        }
        return client.preparedQuery(PlannedPerCall.sql(sql, keys.size())).execute(parameters).map(rows -> {
            for (Row row : rows) {
                // WITH ORDINALITY counts from 1.
                prices[(int) (row.getLong(0) - 1)] =
                        new GuidePrice(row.getBigDecimal(1), row.getBigDecimal(2), row.getLocalDate(3));
            }
            return prices;
        });
    }
}
