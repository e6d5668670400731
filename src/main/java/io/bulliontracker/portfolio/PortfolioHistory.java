package io.bulliontracker.portfolio;

import io.bulliontracker.spot.Amounts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The caller's portfolio valued at each date of a span: one statement whatever the items and dates. */
@ApplicationScoped
public class PortfolioHistory {

    private final Pool pool;

    public PortfolioHistory(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<HistoryPoint>> points(String userId, HistorySpan span) {
        LocalDate[] days = span.points().toArray(LocalDate[]::new);
        Tuple args = Tuple.tuple().addString(userId).addArrayOfLocalDate(days)
                .addLocalDate(span.start()).addLocalDate(span.end());
        return pool.preparedQuery(HistoryQueries.HISTORY).execute(args).map(rows -> {
            List<HistoryPoint> points = new ArrayList<>(rows.size());
            for (Row r : rows) {
                LocalDate day = r.getLocalDate("day");
                BigDecimal book = Amounts.money(r.getBigDecimal("book"));
                points.add(new HistoryPoint(day.toString(),
                        day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                        Amounts.money(r.getBigDecimal("melt")), book, book,
                        Amounts.money(r.getBigDecimal("bullion")), Amounts.money(r.getBigDecimal("numismatic")),
                        Amounts.money(r.getBigDecimal("cost"))));
            }
            return points;
        });
    }
}
