package io.bulliontracker.spot;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The public spot-price reads, one statement each. Every "latest row of a metal (before a time)" is a
 * backward probe of the (metal, observed_at) key, so the cost does not grow with the stored history.
 */
@ApplicationScoped
public class SpotPrices {

    /** $1: the metals; $2: now − 24 h. */
    static final String LATEST_WITH_DAY_AGO = """
            SELECT m.metal, latest.price_per_oz, latest.observed_at, day_ago.price_per_oz
            FROM unnest($1::text[]) AS m(metal)
            LEFT JOIN LATERAL (
                SELECT s.price_per_oz, s.observed_at FROM spot_prices s
                WHERE s.metal = m.metal ORDER BY s.observed_at DESC LIMIT 1
            ) latest ON true
            LEFT JOIN LATERAL (
                SELECT s.price_per_oz FROM spot_prices s
                WHERE s.metal = m.metal AND s.observed_at <= $2 ORDER BY s.observed_at DESC LIMIT 1
            ) day_ago ON true
            """;

    /** $1: metal; $2, $3: the half-open range [start, end). */
    static final String HISTORY = """
            SELECT observed_at, price_per_oz FROM spot_prices
            WHERE metal = $1 AND observed_at >= $2 AND observed_at < $3
            ORDER BY observed_at
            """;

    /** $1: the metals; $2: the end of the cut-off day (rows strictly before it count). */
    static final String CURRENT_AND_AT_CUTOFF = """
            SELECT m.metal, latest.price_per_oz, then_.price_per_oz
            FROM unnest($1::text[]) AS m(metal)
            JOIN LATERAL (
                SELECT s.price_per_oz FROM spot_prices s
                WHERE s.metal = m.metal ORDER BY s.observed_at DESC LIMIT 1
            ) latest ON true
            LEFT JOIN LATERAL (
                SELECT s.price_per_oz FROM spot_prices s
                WHERE s.metal = m.metal AND s.observed_at < $2 ORDER BY s.observed_at DESC LIMIT 1
            ) then_ ON true
            """;

    private static final Comparator<MetalPerformance> BEST_FIRST = Comparator
            .comparing(MetalPerformance::changePercent, Comparator.reverseOrder())
            .thenComparing(MetalPerformance::metal);

    private final Pool pool;
    private final Clock clock;

    public SpotPrices(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<LatestSpotPrices> latest() {
        OffsetDateTime dayAgo = OffsetDateTime.now(clock).minusHours(24);
        return pool.preparedQuery(LATEST_WITH_DAY_AGO)
                .execute(Tuple.tuple().addArrayOfString(SpotMetal.NAMES.toArray(String[]::new)).addOffsetDateTime(dayAgo))
                .map(rows -> {
                    Map<String, SpotPrice> byMetal = new HashMap<>();
                    for (Row row : rows) {
                        byMetal.put(row.getString(0), spotPrice(row));
                    }
                    return new LatestSpotPrices(byMetal.get("gold"), byMetal.get("silver"), byMetal.get("platinum"),
                            byMetal.get("palladium"));
                });
    }

    private static SpotPrice spotPrice(Row row) {
        String metal = row.getString(0);
        BigDecimal latest = row.getBigDecimal(1);
        if (latest == null) {
            return new SpotPrice(metal, null, null, null, null);
        }
        BigDecimal dayAgo = row.getBigDecimal(3);
        BigDecimal change = dayAgo == null ? BigDecimal.ZERO : latest.subtract(dayAgo);
        BigDecimal percent = dayAgo == null ? BigDecimal.ZERO : Amounts.percent(change, dayAgo);
        return new SpotPrice(metal, Amounts.money(latest), Amounts.money(change), Amounts.money(percent),
                utc(row.getOffsetDateTime(2)));
    }

    /** Rows of {@code metal} observed from the start of {@code start} to the end of {@code end} (UTC days). */
    public Uni<List<SpotPricePoint>> history(SpotMetal metal, LocalDate start, LocalDate end) {
        OffsetDateTime from = start.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime until = end.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        return pool.preparedQuery(HISTORY).execute(Tuple.of(metal.label(), from, until)).map(rows -> {
            List<SpotPricePoint> points = new ArrayList<>(rows.size());
            for (Row row : rows) {
                points.add(new SpotPricePoint(utc(row.getOffsetDateTime(0)), Amounts.money(row.getBigDecimal(1))));
            }
            return points;
        });
    }

    /** Each metal's latest price against the latest one observed before the end of today − {@code days}. */
    public Uni<MetalPerformanceReport> performance(int days) {
        OffsetDateTime cutoff = LocalDate.now(clock).minusDays(days).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        return pool.preparedQuery(CURRENT_AND_AT_CUTOFF)
                .execute(Tuple.tuple().addArrayOfString(SpotMetal.NAMES.toArray(String[]::new)).addOffsetDateTime(cutoff))
                .map(rows -> {
                    List<MetalPerformance> metals = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        BigDecimal current = row.getBigDecimal(1);
                        BigDecimal then = row.getBigDecimal(2) == null ? current : row.getBigDecimal(2);
                        BigDecimal change = current.subtract(then);
                        metals.add(new MetalPerformance(row.getString(0), Amounts.money(current), Amounts.money(then),
                                Amounts.money(change), Amounts.percent(change, then)));
                    }
                    metals.sort(BEST_FIRST);
                    return MetalPerformanceReport.of(metals, days);
                });
    }

    static String utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toInstant().toString();
    }
}
