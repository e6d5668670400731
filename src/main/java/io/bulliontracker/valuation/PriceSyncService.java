package io.bulliontracker.valuation;

import io.bulliontracker.common.DatabaseDeadline;
import io.bulliontracker.common.PlannedPerCall;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
                    List<GuideItem> items = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        items.add(new GuideItem(row.getString(0), keys.add(GradedCoin.of(row.getString(2), row.getString(1)))));
                    }
                    if (items.isEmpty()) {
                        return Uni.createFrom().item(SyncResult.nothingToSync(itemId != null));
                    }
                    return prices.latest(conn, keys.keys()).flatMap(latest -> write(conn, userId, today, items, latest));
                })
                .flatMap(result -> DatabaseDeadline.unlessExpired(expired, result))));
    }

    private Uni<SyncResult> write(SqlConnection conn, String userId, LocalDate today, List<GuideItem> items,
            GuidePrice[] latest) {
        List<String> ids = new ArrayList<>(items.size());
        List<String> values = new ArrayList<>(items.size());
        List<String> sources = new ArrayList<>(items.size());
        for (GuideItem item : items) {
            GuidePrice price = latest[item.key()];
            if (price != null) {
                BigDecimal value = price.bookValue();
                ids.add(item.id());
                values.add(value.toPlainString());
                sources.add(price.bookValueSource());
            }
        }
        int skipped = items.size() - ids.size();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(SyncResult.of(0, 0, skipped));
        }
        String[] idArray = ids.toArray(String[]::new);
        String[] valueArray = values.toArray(String[]::new);
        return conn.preparedQuery(PlannedPerCall.sql(UPDATE_VALUES, idArray.length))
                .execute(Tuple.tuple().addArrayOfString(idArray).addArrayOfString(valueArray).addString(userId))
                .flatMap(updated -> conn.preparedQuery(PlannedPerCall.sql(UPSERT_HISTORY, idArray.length))
                        .execute(Tuple.tuple().addArrayOfString(idArray).addArrayOfString(valueArray)
                                .addArrayOfString(sources.toArray(String[]::new)).addLocalDate(today))
                        .map(history -> SyncResult.of(ids.size(), updated.rowCount(), skipped)));
    }

    /** An item and the position of its (coin, grade) key in the price statement's arrays. */
    private record GuideItem(String id, int key) {
    }
}
