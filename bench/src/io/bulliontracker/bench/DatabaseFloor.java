package io.bulliontracker.bench;

import static io.bulliontracker.valuation.LatestPriceQueries.CURRENT_PRICE_PER_KEY;
import static io.bulliontracker.valuation.LatestPriceQueries.LATEST_PRICE_PER_KEY;
import static io.bulliontracker.valuation.PerformanceService.COIN_NAMES;
import static io.bulliontracker.valuation.PerformanceService.NUMISMATIC_ITEMS;
import static io.bulliontracker.valuation.PriceSyncService.GUIDE_PRICE_ITEMS;
import static io.bulliontracker.valuation.PriceSyncService.UPDATE_VALUES;
import static io.bulliontracker.valuation.PriceSyncService.UPSERT_HISTORY;

import io.bulliontracker.common.PlannedPerCall;
import io.bulliontracker.valuation.GradedCoin;
import io.bulliontracker.valuation.GuidePrice;
import io.bulliontracker.valuation.LatestPriceQueries;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The database floor: the service's own statements (its public SQL constants; javac copies them into
 * this class, so the bench is only built in the same Maven build as the jar, see bench/README.md) with
 * the parameters the service would bind, one after another over one connection, and nothing else: no
 * HTTP, no JSON, no report assembly. What a request costs at the very least with this SQL.
 */
final class DatabaseFloor {

    /** What the performance statements returned, enough to check the floor did the service's work. */
    record PerformanceRows(int items, int currentRows, int historicalRows, int names, int pricedItems) {
    }

    final StatementTimes times = new StatementTimes();

    Future<PerformanceRows> performance(SqlConnection conn, String userId, int days) {
        LocalDate cutoff = LocalDate.now(ZoneOffset.UTC).minusDays(days);
        return times.time("NUMISMATIC_ITEMS", () -> conn.preparedQuery(NUMISMATIC_ITEMS).execute(Tuple.of(userId))).compose(items -> {
            List<GradedCoin> itemKeys = new ArrayList<>(items.size());
            Set<GradedCoin> keys = new LinkedHashSet<>();
            Set<String> untitledCoins = new LinkedHashSet<>();
            for (Row row : items) {
                GradedCoin key = GradedCoin.of(row.getString(3), row.getString(2));
                itemKeys.add(key);
                keys.add(key);
                String title = row.getString(1);
                if (title == null || title.isBlank()) {
                    untitledCoins.add(row.getString(3));
                }
            }
            if (keys.isEmpty()) {
                return Future.succeededFuture(new PerformanceRows(0, 0, 0, 0, 0));
            }
            return times.time("CURRENT_PRICE_PER_KEY",
                            () -> conn.preparedQuery(PlannedPerCall.sql(CURRENT_PRICE_PER_KEY, keys.size())).execute(currentKeyParameters(keys)))
                    .compose(current -> times.time("LATEST_PRICE_PER_KEY (cut-off)",
                                    () -> conn.preparedQuery(PlannedPerCall.sql(LATEST_PRICE_PER_KEY, keys.size())).execute(keyParameters(keys, cutoff)))
                            .compose(historical -> coinNames(conn, untitledCoins)
                                    .map(names -> new PerformanceRows(items.size(), current.size(), historical.size(),
                                            names, pricedItems(itemKeys, List.copyOf(keys), current)))));
        });
    }

    /** Sync in one transaction: lock and read items, latest prices, one UPDATE, one history upsert. */
    Future<SyncCounts> sync(SqlConnection conn, String userId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return times.time("BEGIN", conn::begin).compose(tx -> syncWork(conn, userId, today)
                .compose(counts -> times.time("COMMIT", tx::commit).map(counts),
                        failure -> tx.rollback().compose(ignored -> Future.failedFuture(failure))));
    }

    private Future<SyncCounts> syncWork(SqlConnection conn, String userId, LocalDate today) {
        return times.time("GUIDE_PRICE_ITEMS (FOR UPDATE)",
                () -> conn.preparedQuery(GUIDE_PRICE_ITEMS).execute(Tuple.of(userId, (String) null))).compose(items -> {
            List<String> itemIds = new ArrayList<>(items.size());
            List<GradedCoin> itemKeys = new ArrayList<>(items.size());
            Set<GradedCoin> keys = new LinkedHashSet<>();
            for (Row row : items) {
                GradedCoin key = GradedCoin.of(row.getString(2), row.getString(1));
                itemIds.add(row.getString(0));
                itemKeys.add(key);
                keys.add(key);
            }
            if (keys.isEmpty()) {
                return Future.succeededFuture(new SyncCounts(0, 0, 0));
            }
            return times.time("CURRENT_PRICE_PER_KEY",
                    () -> conn.preparedQuery(PlannedPerCall.sql(CURRENT_PRICE_PER_KEY, keys.size())).execute(currentKeyParameters(keys))).compose(latest -> {
                // Each price comes with its key's position in the arrays sent (WITH ORDINALITY, from 1).
                List<GradedCoin> sent = List.copyOf(keys);
                Map<GradedCoin, GuidePrice> prices = new HashMap<>();
                for (Row row : latest) {
                    prices.put(sent.get((int) (row.getLong(0) - 1)),
                            new GuidePrice(row.getBigDecimal(1), row.getBigDecimal(2), row.getLocalDate(3)));
                }
                List<String> ids = new ArrayList<>();
                List<String> values = new ArrayList<>();
                List<String> sources = new ArrayList<>();
                for (int i = 0; i < itemIds.size(); i++) {
                    GuidePrice price = prices.get(itemKeys.get(i));
                    if (price != null) {
                        ids.add(itemIds.get(i));
                        values.add(price.bookValue().toPlainString());
                        sources.add(price.bookValueSource());
                    }
                }
                int skipped = itemIds.size() - ids.size();
                if (ids.isEmpty()) {
                    return Future.succeededFuture(new SyncCounts(0, 0, skipped));
                }
                String[] idArray = ids.toArray(String[]::new);
                String[] valueArray = values.toArray(String[]::new);
                return times.time("UPDATE_VALUES", () -> conn.preparedQuery(PlannedPerCall.sql(UPDATE_VALUES, idArray.length))
                                .execute(Tuple.tuple().addArrayOfString(idArray).addArrayOfString(valueArray).addString(userId)))
                        .compose(updated -> times.time("UPSERT_HISTORY", () -> conn.preparedQuery(PlannedPerCall.sql(UPSERT_HISTORY, idArray.length))
                                        .execute(Tuple.tuple().addArrayOfString(idArray).addArrayOfString(valueArray)
                                                .addArrayOfString(sources.toArray(String[]::new)).addLocalDate(today)))
                                .map(history -> new SyncCounts(ids.size(), updated.rowCount(), skipped)));
            });
        });
    }

    private Future<Integer> coinNames(SqlConnection conn, Collection<String> coinIds) {
        if (coinIds.isEmpty()) {
            return Future.succeededFuture(0);
        }
        return times.time("COIN_NAMES", () -> conn.preparedQuery(PlannedPerCall.sql(COIN_NAMES, coinIds.size()))
                        .execute(Tuple.tuple().addArrayOfString(coinIds.toArray(String[]::new))))
                .map(RowSet::size);
    }

    /** The service's own parameter binding (LatestPriceQueries), unwrapped from Mutiny to the core client. */
    private static Tuple keyParameters(Collection<GradedCoin> keys, LocalDate cutoff) {
        return LatestPriceQueries.keyParameters(keys, cutoff).getDelegate();
    }

    private static Tuple currentKeyParameters(Collection<GradedCoin> keys) {
        return LatestPriceQueries.currentKeyParameters(keys).getDelegate();
    }

    private static int pricedItems(List<GradedCoin> itemKeys, List<GradedCoin> sent, RowSet<Row> current) {
        Set<GradedCoin> priced = new HashSet<>();
        for (Row row : current) {
            priced.add(sent.get((int) (row.getLong(0) - 1)));
        }
        return (int) itemKeys.stream().filter(priced::contains).count();
    }
}
