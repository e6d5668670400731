package io.bulliontracker.valuation;

import io.bulliontracker.common.PlannedPerCall;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The guide values that a user's sync and the daily refresh write, built the same way for both: the
 * locked items (rows of {@code id, grade, coin_reference_id}) matched to their keys' latest prices, then
 * the priced ones' ids, values and sources as the arrays their UPDATE and the shared history upsert take.
 */
public record GuideValues(String[] ids, String[] values, String[] sources) {

    /** A guide-price item and the position of its (coin, grade) key in the price statement's arrays. */
    public record Item(String id, int key) {
    }

    /** The items of {@code id, grade, coin_reference_id} rows, their keys added to {@code keys}. */
    public static List<Item> items(RowSet<Row> rows, KeyPositions keys) {
        List<Item> items = new ArrayList<>(rows.size());
        for (Row row : rows) {
            items.add(new Item(row.getString(0), keys.add(GradedCoin.of(row.getString(2), row.getString(1)))));
        }
        return items;
    }

    /** The items that have a price, in order, with the book value and source of that price. */
    public static GuideValues of(List<Item> items, GuidePrice[] latest) {
        List<String> ids = new ArrayList<>(items.size());
        List<String> values = new ArrayList<>(items.size());
        List<String> sources = new ArrayList<>(items.size());
        for (Item item : items) {
            GuidePrice price = latest[item.key()];
            if (price != null) {
                ids.add(item.id());
                values.add(price.bookValue().toPlainString());
                sources.add(price.bookValueSource());
            }
        }
        return new GuideValues(ids.toArray(String[]::new), values.toArray(String[]::new),
                sources.toArray(String[]::new));
    }

    /** How many items have a price. */
    public int count() {
        return ids.length;
    }

    /** The statement to send, bound to this many items ({@link PlannedPerCall}). */
    public String sql(String statement) {
        return PlannedPerCall.sql(statement, ids.length);
    }

    /** Today's value-history row of each priced item ({@link PriceSyncService#UPSERT_HISTORY}). */
    public Uni<RowSet<Row>> upsertHistory(SqlConnection conn, LocalDate today) {
        return conn.preparedQuery(sql(PriceSyncService.UPSERT_HISTORY)).execute(
                Tuple.tuple().addArrayOfString(ids).addArrayOfString(values).addArrayOfString(sources).addLocalDate(today));
    }
}
