package io.bulliontracker.portfolio;

import io.bulliontracker.spot.Amounts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Values the caller's collection: one statement per route whatever its size (see {@link PortfolioQueries}). */
@ApplicationScoped
public class PortfolioService {

    private final Pool pool;
    private final Clock clock;

    public PortfolioService(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<PortfolioSummary> summary(String userId) {
        return pool.preparedQuery(PortfolioQueries.SUMMARY).execute(Tuple.of(userId)).map(rows -> {
            Row r = rows.iterator().next();
            BigDecimal cost = r.getBigDecimal("cost");
            BigDecimal gain = r.getBigDecimal("gain");
            return new PortfolioSummary(r.getLong("total_items"),
                    ounces(r, "gold_oz"), ounces(r, "silver_oz"), ounces(r, "platinum_oz"), ounces(r, "palladium_oz"),
                    ounces(r, "numismatic_gold_oz"), ounces(r, "numismatic_silver_oz"),
                    ounces(r, "numismatic_platinum_oz"),
                    money(r, "melt"), money(r, "book"), Amounts.money(cost), Amounts.money(gain),
                    Amounts.percent(gain, cost), r.getLong("without_spot"), r.getLong("unpriced"),
                    new PortfolioSummary.SpotPriceSet(money(r, "gold_spot"), money(r, "silver_spot"),
                            money(r, "platinum_spot"), money(r, "palladium_spot")),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        });
    }

    public Uni<ValuationBreakdown> valuationBreakdown(String userId) {
        return pool.preparedQuery(PortfolioQueries.VALUATION_BREAKDOWN).execute(Tuple.of(userId)).map(rows -> {
            Row r = rows.iterator().next();
            BigDecimal premiumBook = r.getBigDecimal("premium_book");
            BigDecimal premiumMelt = r.getBigDecimal("premium_melt");
            BigDecimal guideBook = r.getBigDecimal("guide_book");
            BigDecimal guideMelt = r.getBigDecimal("guide_melt");
            // Each item's premium percent weighted by its melt value.
            BigDecimal avgPremium = Amounts.quotient(r.getBigDecimal("premium_weighted"), premiumMelt);
            LocalDate lastSync = r.getLocalDate("last_sync");
            return new ValuationBreakdown(
                    new ValuationBreakdown.SpotPremium(r.getLong("premium_count"), Amounts.money(premiumBook),
                            Amounts.money(premiumBook.subtract(premiumMelt)), avgPremium),
                    new ValuationBreakdown.GuidePrice(r.getLong("guide_count"), Amounts.money(guideBook),
                            Amounts.money(guideMelt), Amounts.percent(guideBook.subtract(guideMelt), guideMelt)),
                    new ValuationBreakdown.Custom(r.getLong("custom_count"), money(r, "custom_book")),
                    lastSync == null ? null : lastSync.toString());
        });
    }

    public Uni<CollectionSummary> collectionSummary(String userId) {
        return pool.preparedQuery(PortfolioQueries.COLLECTION_SUMMARY).execute(Tuple.of(userId)).map(rows -> {
            Totals all = Totals.NONE;
            Totals bullion = Totals.NONE;
            Totals numismatic = Totals.NONE;
            Map<String, CollectionSummary.MetalHolding> byMetal = new LinkedHashMap<>();
            Map<String, CollectionSummary.ValueCount> bullionByMetal = new LinkedHashMap<>();
            Map<String, CollectionSummary.ValueCount> bySeries = new LinkedHashMap<>();
            Map<String, BigDecimal> numismaticOz = new LinkedHashMap<>();
            for (Row r : rows) {
                Totals group = new Totals(r.getLong("items"), r.getLong("pieces"), r.getBigDecimal("oz"),
                        r.getBigDecimal("book"));
                String category = r.getString("category");
                String metal = r.getString("metal");
                switch (r.getInteger("grouping")) {
                    case PortfolioQueries.ALL -> all = group;
                    case PortfolioQueries.BY_CATEGORY -> {
                        if ("BULLION".equals(category)) {
                            bullion = group;
                        } else {
                            numismatic = group;
                        }
                    }
                    case PortfolioQueries.BY_METAL -> byMetal.put(metal, new CollectionSummary.MetalHolding(
                            Amounts.ounces(group.oz()), Amounts.money(group.book()), group.items()));
                    case PortfolioQueries.BY_CATEGORY_AND_METAL -> {
                        if ("BULLION".equals(category)) {
                            bullionByMetal.put(metal,
                                    new CollectionSummary.ValueCount(Amounts.money(group.book()), group.pieces()));
                        } else {
                            numismaticOz.put(metal, group.oz());
                        }
                    }
                    case PortfolioQueries.BY_CATEGORY_AND_SERIES -> {
                        if ("NUMISMATIC".equals(category)) {
                            bySeries.put(r.getString("series"),
                                    new CollectionSummary.ValueCount(Amounts.money(group.book()), group.items()));
                        }
                    }
                    default -> throw new IllegalStateException("unexpected grouping " + r.getInteger("grouping"));
                }
            }
            BigDecimal total = Amounts.money(all.book());
            BigDecimal bullionValue = Amounts.money(bullion.book());
            BigDecimal numismaticValue = Amounts.money(numismatic.book());
            CollectionSummary.Data data = new CollectionSummary.Data(total, all.items(), bullion.items(),
                    numismatic.items(), bullionValue, numismaticValue, byMetal);
            return new CollectionSummary(true, data, total, all.items(), bullionValue, bullion.items(), numismaticValue,
                    numismatic.items(), bullionByMetal, bySeries,
                    Amounts.ounces(numismaticOz.getOrDefault("gold", BigDecimal.ZERO)),
                    Amounts.ounces(numismaticOz.getOrDefault("silver", BigDecimal.ZERO)),
                    Amounts.ounces(numismaticOz.getOrDefault("platinum", BigDecimal.ZERO)));
        });
    }

    private static BigDecimal money(Row row, String column) {
        return Amounts.money(row.getBigDecimal(column));
    }

    private static BigDecimal ounces(Row row, String column) {
        return Amounts.ounces(row.getBigDecimal(column));
    }

    /** One group's sums: item rows, pieces (quantities), fine ounces, book value. */
    private record Totals(long items, long pieces, BigDecimal oz, BigDecimal book) {
        static final Totals NONE = new Totals(0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
