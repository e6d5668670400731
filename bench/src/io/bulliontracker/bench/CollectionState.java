package io.bulliontracker.bench;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What sync writes, for the fairness check: reset a user's values and history so each design starts
 * from the same state, and a fingerprint of what a sync left behind (every item's value, and today's
 * history row's value, type and source) to compare across the designs.
 */
final class CollectionState {

    private static final String CLEAR_VALUES = "UPDATE collection_items SET numismatic_value = NULL WHERE user_id = $1";
    private static final String CLEAR_HISTORY = """
            DELETE FROM item_value_history h USING collection_items i
            WHERE h.item_id = i.id AND i.user_id = $1
            """;
    private static final String FINGERPRINT = """
            SELECT count(h.item_id), md5(string_agg(i.id || '=' || coalesce(i.numismatic_value::text, '-') || '/'
                       || coalesce(h.value::text, '-') || '/' || coalesce(h.value_type, '-') || '/' || coalesce(h.source, '-'),
                       ',' ORDER BY i.id))
            FROM collection_items i
            LEFT JOIN item_value_history h ON h.item_id = i.id AND h.price_date = $2
            WHERE i.user_id = $1
            """;

    private CollectionState() {
    }

    /** No value on any item and no history: the state before the first sync. */
    static Future<Void> clear(SqlConnection conn, String userId) {
        return conn.preparedQuery(CLEAR_VALUES).execute(Tuple.of(userId))
                .compose(ignored -> conn.preparedQuery(CLEAR_HISTORY).execute(Tuple.of(userId)))
                .mapEmpty();
    }

    /** "<history rows today> rows, md5 <digest>" */
    static Future<String> fingerprint(SqlConnection conn, String userId) {
        return conn.preparedQuery(FINGERPRINT).execute(Tuple.of(userId, LocalDate.now(ZoneOffset.UTC)))
                .map(rows -> {
                    var row = rows.iterator().next();
                    return row.getLong(0) + " history rows today, md5 " + row.getString(1);
                });
    }
}
