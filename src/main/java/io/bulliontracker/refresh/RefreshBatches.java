package io.bulliontracker.refresh;

import io.bulliontracker.valuation.GuideValues;
import io.bulliontracker.valuation.KeyPositions;
import io.bulliontracker.valuation.LatestPriceQueries;
import io.bulliontracker.valuation.PriceSyncService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * One batch of the refresh: the next {@code size} guide-price items of all users after a given id, synced
 * by the same rules as {@code POST /api/collection/sync-prices}, in one transaction of exactly four
 * statements whatever the batch size: lock and read the items, their latest prices, one UPDATE, one
 * history upsert.
 *
 * <p>The latest-price statement and the history upsert are the user sync's own
 * ({@link LatestPriceQueries}, {@link PriceSyncService#UPSERT_HISTORY}): they do not name a user. The
 * user sync's item query and UPDATE do ({@code user_id = $1}), and running them once per user would
 * make the statement count grow with the number of users; hence the two statements below.
 */
@ApplicationScoped
public class RefreshBatches {

    /**
     * Keyset pagination over the primary key: each batch starts where the last one stopped, so a batch
     * costs the same at item 100,000 as at item 1. Item ids are generated UUIDs, never empty, so {@code ''}
     * sorts before every one of them. FOR UPDATE in id order, like the user sync: the two queue on a
     * shared row instead of deadlocking, and neither overwrites the other's value with a stale one.
     */
    static final String NEXT_ITEMS = """
            SELECT id, grade, coin_reference_id
            FROM collection_items
            WHERE id > $1
              AND book_value_type = 'guide_price' AND coin_reference_id IS NOT NULL AND grade IS NOT NULL
            ORDER BY id
            LIMIT $2
            FOR UPDATE
            """;

    /** The batch's ids were locked by NEXT_ITEMS in this transaction; only values that change are written. */
    static final String UPDATE_VALUES = """
            UPDATE collection_items AS i
            SET numismatic_value = v.value, updated_at = now()
            FROM unnest($1::text[], $2::text[]::numeric[]) AS v(id, value)
            WHERE i.id = v.id AND i.numismatic_value IS DISTINCT FROM v.value
            """;

    private final Pool pool;
    private final LatestPriceQueries prices;

    public RefreshBatches(Pool pool, LatestPriceQueries prices) {
        this.pool = pool;
        this.prices = prices;
    }

    /** The batch after {@code afterId}; an empty batch (no items left) sends only the item query. */
    public Uni<Batch> next(String afterId, int size, LocalDate today) {
        return pool.withTransaction(conn -> conn.preparedQuery(NEXT_ITEMS).execute(Tuple.of(afterId, size))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Batch.NONE);
                    }
                    KeyPositions keys = new KeyPositions();
                    List<GuideValues.Item> items = GuideValues.items(rows, keys);
                    String lastId = items.get(items.size() - 1).id();
                    return prices.latest(conn, keys.keys())
                            .flatMap(latest -> write(conn, today, items.size(), lastId, GuideValues.of(items, latest)));
                }));
    }

    /**
     * Both writes run even when no item of the batch has a price (with empty arrays, which costs
     * nothing), so that every batch is the same four statements.
     */
    private Uni<Batch> write(SqlConnection conn, LocalDate today, int items, String lastId, GuideValues priced) {
        return conn.preparedQuery(priced.sql(UPDATE_VALUES))
                .execute(Tuple.tuple().addArrayOfString(priced.ids()).addArrayOfString(priced.values()))
                .flatMap(updated -> priced.upsertHistory(conn, today)
                        .map(history -> new Batch(items, lastId, priced.count(), updated.rowCount(),
                                items - priced.count())));
    }

    /** What one committed batch did; {@code lastId} is where the next batch starts. */
    public record Batch(int items, String lastId, int synced, int updated, int skipped) {

        static final Batch NONE = new Batch(0, null, 0, 0, 0);
    }
}
