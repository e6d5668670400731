package io.bulliontracker.bench;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The old design, for comparison only: the same results as the two routes, computed with queries per
 * item, the way the old Prisma app did it. Performance: one query for the items, then per item the coin
 * reference, its current price and its price at the cut-off (3 queries per item). Sync: one query for
 * the items, then per item its latest price, an UPDATE of its value and an upsert of today's history
 * row. Every per-item query is served by an index, so this is the N+1 design at its best; it also runs
 * sync in one transaction with the same lock, so both designs keep the same contract.
 */
final class NPlusOneBaseline {

    static final String ITEMS = """
            SELECT id, title, grade, coin_reference_id FROM collection_items
            WHERE user_id = $1 AND category = 'NUMISMATIC' AND coin_reference_id IS NOT NULL AND grade IS NOT NULL
            """;
    static final String COIN = "SELECT id, full_name FROM coin_references WHERE id = $1";
    static final String CURRENT_PRICE = """
            SELECT pcgs_price, greysheet_price FROM price_guide
            WHERE coin_reference_id = $1 AND grade_code = $2 AND (pcgs_price IS NOT NULL OR greysheet_price IS NOT NULL)
            ORDER BY price_date DESC LIMIT 1
            """;
    static final String PRICE_ON_OR_BEFORE = """
            SELECT pcgs_price, greysheet_price FROM price_guide
            WHERE coin_reference_id = $1 AND grade_code = $2 AND (pcgs_price IS NOT NULL OR greysheet_price IS NOT NULL)
              AND price_date <= $3
            ORDER BY price_date DESC LIMIT 1
            """;
    static final String GUIDE_ITEMS = """
            SELECT id, grade, coin_reference_id FROM collection_items
            WHERE user_id = $1 AND book_value_type = 'guide_price' AND coin_reference_id IS NOT NULL AND grade IS NOT NULL
            ORDER BY id FOR UPDATE
            """;
    static final String UPDATE_ITEM = """
            UPDATE collection_items SET numismatic_value = $1, updated_at = now()
            WHERE id = $2 AND user_id = $3 AND numismatic_value IS DISTINCT FROM $1
            """;
    static final String UPSERT_HISTORY_ROW = """
            INSERT INTO item_value_history (item_id, price_date, value, value_type, source)
            VALUES ($1, $2, $3, 'guide_price', $4)
            ON CONFLICT (item_id, price_date) DO UPDATE
            SET value = excluded.value, value_type = excluded.value_type, source = excluded.source
            """;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Comparator<Line> BEST_FIRST = Comparator
            .comparing((Line line) -> line.percent, Comparator.reverseOrder())
            .thenComparing(line -> line.coin.id());

    /** One report line while it is being computed: the rounded percent is what the order uses. */
    private record Line(CoinLine coin, BigDecimal percent) {
    }

    /** A considered item, as read by the first query. */
    private record Item(String id, String title, String grade, String coinReferenceId) {

        String gradeCode() {
            return grade.startsWith("~") ? grade.substring(1) : grade;
        }
    }

    Future<List<CoinLine>> performance(SqlConnection conn, String userId, int days) {
        LocalDate cutoff = LocalDate.now(ZoneOffset.UTC).minusDays(days);
        return conn.preparedQuery(ITEMS).execute(Tuple.of(userId)).compose(rows -> {
            List<Item> items = new ArrayList<>(rows.size());
            for (Row row : rows) {
                items.add(new Item(row.getString(0), row.getString(1), row.getString(2), row.getString(3)));
            }
            List<Line> lines = new ArrayList<>(items.size());
            return SequentialLoop.run(items.size(), i -> onePerformanceItem(conn, items.get(i), cutoff, lines))
                    .map(done -> {
                        lines.sort(BEST_FIRST);
                        return lines.stream().map(Line::coin).toList();
                    });
        });
    }

    /** Three queries for one item, whatever they find, as the old loop did. */
    private static Future<Void> onePerformanceItem(SqlConnection conn, Item item, LocalDate cutoff, List<Line> lines) {
        return conn.preparedQuery(COIN).execute(Tuple.of(item.coinReferenceId()))
                .compose(coin -> conn.preparedQuery(CURRENT_PRICE).execute(Tuple.of(item.coinReferenceId(), item.gradeCode()))
                        .compose(current -> conn.preparedQuery(PRICE_ON_OR_BEFORE)
                                .execute(Tuple.of(item.coinReferenceId(), item.gradeCode(), cutoff))
                                .map(historical -> {
                                    if (current.size() > 0) {
                                        lines.add(line(item, name(coin), current.iterator().next(), historical));
                                    }
                                    return null;
                                })));
    }

    private static String name(RowSet<Row> coin) {
        return coin.size() == 0 ? null : coin.iterator().next().getString(1);
    }

    /** The contract's performance rules, written out again here so the baseline shares no code with the service. */
    private static Line line(Item item, String coinName, Row currentRow, RowSet<Row> historicalRows) {
        BigDecimal current = marketPrice(currentRow);
        String source = currentRow.getBigDecimal(0) != null ? "PCGS" : "GREYSHEET";
        BigDecimal then = historicalRows.size() > 0 ? marketPrice(historicalRows.iterator().next()) : current;
        BigDecimal change = current.subtract(then);
        BigDecimal percent = then.signum() > 0
                ? change.multiply(HUNDRED).divide(then, MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(2);
        String title = item.title() != null && !item.title().isBlank() ? item.title()
                : coinName != null && !coinName.isBlank() ? coinName : "Unknown Coin";
        CoinLine coin = new CoinLine(item.id(), title, item.grade(), item.coinReferenceId(), CoinLine.money(current),
                CoinLine.money(then), CoinLine.money(change), CoinLine.money(percent), source);
        return new Line(coin, percent);
    }

    private static BigDecimal marketPrice(Row row) {
        return row.getBigDecimal(0) != null ? row.getBigDecimal(0) : row.getBigDecimal(1);
    }

    Future<SyncCounts> sync(SqlConnection conn, String userId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return conn.begin().compose(tx -> syncWork(conn, userId, today)
                .compose(counts -> tx.commit().map(counts),
                        failure -> tx.rollback().compose(ignored -> Future.failedFuture(failure))));
    }

    private static Future<SyncCounts> syncWork(SqlConnection conn, String userId, LocalDate today) {
        return conn.preparedQuery(GUIDE_ITEMS).execute(Tuple.of(userId)).compose(rows -> {
            List<Item> items = new ArrayList<>(rows.size());
            for (Row row : rows) {
                items.add(new Item(row.getString(0), null, row.getString(1), row.getString(2)));
            }
            int[] synced = {0};
            int[] updated = {0};
            return SequentialLoop.run(items.size(), i -> {
                Item item = items.get(i);
                return conn.preparedQuery(CURRENT_PRICE).execute(Tuple.of(item.coinReferenceId(), item.gradeCode()))
                        .compose(latest -> {
                            if (latest.size() == 0) {
                                return Future.succeededFuture();
                            }
                            Row price = latest.iterator().next();
                            // Book value prefers the Greysheet (dealer) price.
                            BigDecimal value = price.getBigDecimal(1) != null ? price.getBigDecimal(1) : price.getBigDecimal(0);
                            String source = price.getBigDecimal(1) != null ? "greysheet" : "pcgs";
                            synced[0]++;
                            return conn.preparedQuery(UPDATE_ITEM).execute(Tuple.of(value, item.id(), userId))
                                    .compose(update -> {
                                        updated[0] += update.rowCount();
                                        return conn.preparedQuery(UPSERT_HISTORY_ROW)
                                                .execute(Tuple.of(item.id(), today, value, source));
                                    });
                        });
            }).map(done -> new SyncCounts(synced[0], updated[0], items.size() - synced[0]));
        });
    }
}
