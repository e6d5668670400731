package io.bulliontracker.valuation;

import io.bulliontracker.common.DatabaseDeadline;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Copies each guide-price item's latest guide value onto the item and into today's value history, in
 * one transaction of four statements whatever the collection's size: lock and read the items, read
 * their latest prices, one set-based UPDATE, one set-based upsert of history rows.
 */
@ApplicationScoped
public class PriceSyncService {

    /**
     * FOR UPDATE in id order: two syncs of one user queue on the first row instead of deadlocking, and
     * the second then sees the values the first committed.
     */
    public static final String GUIDE_PRICE_ITEMS = """
            SELECT id, grade, coin_reference_id
            FROM collection_items
            WHERE user_id = $1 AND book_value_type = 'guide_price'
              AND coin_reference_id IS NOT NULL AND grade IS NOT NULL
              AND ($2::text IS NULL OR id = $2::text)
            ORDER BY id
            FOR UPDATE
            """;

    /** Only rows whose value really changes are written, and counted as updated. */
    public static final String UPDATE_VALUES = """
            UPDATE collection_items AS i
            SET numismatic_value = v.value, updated_at = now()
            FROM unnest($1::text[], $2::text[]::numeric[]) AS v(id, value)
            WHERE i.id = v.id AND i.user_id = $3
              AND i.numismatic_value IS DISTINCT FROM v.value
            """;

    /** A repeated sync the same day leaves an unchanged row alone: no dead tuple, no WAL for it. */
    public static final String UPSERT_HISTORY = """
            INSERT INTO item_value_history (item_id, price_date, value, value_type, source)
            SELECT v.item_id, $4::date, v.value, 'guide_price', v.source
            FROM unnest($1::text[], $2::text[]::numeric[], $3::text[]) AS v(item_id, value, source)
            ON CONFLICT (item_id, price_date) DO UPDATE
            SET value = excluded.value, value_type = excluded.value_type, source = excluded.source
            WHERE (item_value_history.value, item_value_history.value_type, item_value_history.source)
                  IS DISTINCT FROM (excluded.value, excluded.value_type, excluded.source)
            """;

    private final Pool pool;
    private final LatestPriceQueries prices;
    private final DatabaseDeadline deadline;
    private final Clock clock;

    public PriceSyncService(Pool pool, LatestPriceQueries prices, DatabaseDeadline deadline, Clock clock) {
        this.pool = pool;
        this.prices = prices;
        this.deadline = deadline;
        this.clock = clock;
    }

    public Uni<SyncResult> sync(String userId, String itemId) {
        LocalDate today = LocalDate.now(clock);
        return deadline.transaction(expired -> pool.withTransaction(conn -> conn.preparedQuery(GUIDE_PRICE_ITEMS)
                .execute(Tuple.of(userId, itemId))
                .flatMap(rows -> {
                    KeyPositions keys = new KeyPositions();
                    List<GuideValues.Item> items = GuideValues.items(rows, keys);
                    if (items.isEmpty()) {
                        return Uni.createFrom().item(SyncResult.nothingToSync(itemId != null));
                    }
                    return prices.latest(conn, keys.keys())
                            .flatMap(latest -> write(conn, userId, today, items.size(), GuideValues.of(items, latest)));
                })
                .flatMap(result -> DatabaseDeadline.unlessExpired(expired, result))));
    }

    private Uni<SyncResult> write(SqlConnection conn, String userId, LocalDate today, int items, GuideValues priced) {
        int skipped = items - priced.count();
        if (priced.count() == 0) {
            return Uni.createFrom().item(SyncResult.of(0, 0, skipped));
        }
        return conn.preparedQuery(priced.sql(UPDATE_VALUES))
                .execute(Tuple.tuple().addArrayOfString(priced.ids()).addArrayOfString(priced.values()).addString(userId))
                .flatMap(updated -> priced.upsertHistory(conn, today)
                        .map(history -> SyncResult.of(priced.count(), updated.rowCount(), skipped)));
    }
}
