package io.bulliontracker.valuation;

import io.bulliontracker.common.PlannedPerCall;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each numismatic coin's guide price now against its price {@code days} ago. Four statements whatever
 * the collection's size: the caller's items, then (concurrently, each on its own pooled connection) the
 * current prices, the prices at the cut-off, and the names of coins whose items have no title.
 */
@ApplicationScoped
public class PerformanceService {

    public static final String NUMISMATIC_ITEMS = """
            SELECT id, title, grade, coin_reference_id
            FROM collection_items
            WHERE user_id = $1 AND category = 'NUMISMATIC'
              AND coin_reference_id IS NOT NULL AND grade IS NOT NULL
            """;

    public static final String COIN_NAMES = "SELECT id, full_name FROM coin_references WHERE id = ANY($1::text[])";

    private static final Comparator<CoinPerformance> BEST_FIRST = Comparator
            .comparing(CoinPerformance::changePercent, Comparator.reverseOrder())
            .thenComparing(CoinPerformance::id);

    private final Pool pool;
    private final LatestPriceQueries prices;
    private final Clock clock;

    public PerformanceService(Pool pool, LatestPriceQueries prices, Clock clock) {
        this.pool = pool;
        this.prices = prices;
        this.clock = clock;
    }

    public Uni<PerformanceReport> report(String userId, int days) {
        LocalDate cutoff = LocalDate.now(clock).minusDays(days);
        return pool.preparedQuery(NUMISMATIC_ITEMS).execute(Tuple.of(userId))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(PerformanceReport.of(List.of(), days));
                    }
                    KeyPositions keys = new KeyPositions();
                    Set<String> untitledCoins = new LinkedHashSet<>();
                    List<HeldCoin> held = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        String title = row.getString(1);
                        String grade = row.getString(2);
                        String coinReferenceId = row.getString(3);
                        held.add(new HeldCoin(row.getString(0), title, grade, coinReferenceId,
                                keys.add(GradedCoin.of(coinReferenceId, grade))));
                        if (title == null || title.isBlank()) {
                            untitledCoins.add(coinReferenceId);
                        }
                    }
                    return Uni.combine().all()
                            .unis(prices.latest(pool, keys.keys()), prices.latestOnOrBefore(pool, keys.keys(), cutoff),
                                    coinNames(untitledCoins))
                            .with((current, historical, names) -> assemble(held, current, historical, names, days));
                });
    }

    private Uni<Map<String, String>> coinNames(Set<String> coinIds) {
        if (coinIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery(PlannedPerCall.sql(COIN_NAMES, coinIds.size()))
                .execute(Tuple.tuple().addArrayOfString(coinIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> names = new HashMap<>();
                    for (Row row : rows) {
                        names.put(row.getString(0), row.getString(1));
                    }
                    return names;
                });
    }

    private static PerformanceReport assemble(List<HeldCoin> held, GuidePrice[] current, GuidePrice[] historical,
            Map<String, String> names, int days) {
        List<CoinPerformance> coins = new ArrayList<>(held.size());
        for (HeldCoin coin : held) {
            GuidePrice now = current[coin.key()];
            if (now == null) {
                continue;
            }
            GuidePrice then = historical[coin.key()] != null ? historical[coin.key()] : now;
            BigDecimal change = now.marketPrice().subtract(then.marketPrice());
            coins.add(new CoinPerformance(coin.id(), coin.displayTitle(names), coin.grade(), coin.coinReferenceId(),
                    Money.cents(now.marketPrice()), Money.cents(then.marketPrice()), Money.cents(change),
                    Money.percentOf(change, then.marketPrice()), now.marketSource()));
        }
        coins.sort(BEST_FIRST);
        return PerformanceReport.of(coins, days);
    }

    /** An item and the position of its (coin, grade) key in the price statements' arrays. */
    private record HeldCoin(String id, String title, String grade, String coinReferenceId, int key) {

        String displayTitle(Map<String, String> names) {
            if (title != null && !title.isBlank()) {
                return title;
            }
            String name = names.get(coinReferenceId);
            return name != null && !name.isBlank() ? name : "Unknown Coin";
        }
    }
}
