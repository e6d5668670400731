package io.bulliontracker.catalog;

import io.bulliontracker.common.ApiException;
import io.bulliontracker.common.DatabaseDeadline;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Price-guide import and history. An import is checked whole (coins, grades, dates, prices, repeats)
 * before one set-based upsert writes it, so it is all or nothing in three statements whatever its size.
 */
@ApplicationScoped
public class PriceGuide {

    static final int MAX_ROWS = 100_000;

    static final String RESOLVE_COINS = """
            SELECT id, pcgs_number FROM coin_references
            WHERE pcgs_number = ANY($1::int[]) OR id = ANY($2::text[])
            """;

    static final String UPSERT = """
            INSERT INTO price_guide (coin_reference_id, grade_code, price_date, pcgs_price, greysheet_price, price_source)
            SELECT r.coin, r.grade, r.day, r.pcgs, r.grey,
                   CASE WHEN r.pcgs IS NOT NULL AND r.grey IS NOT NULL THEN 'both'
                        WHEN r.pcgs IS NOT NULL THEN 'pcgs' ELSE 'greysheet' END
            FROM unnest($1::text[], $2::text[], $3::date[], $4::text[]::numeric[], $5::text[]::numeric[])
                 AS r(coin, grade, day, pcgs, grey)
            ON CONFLICT (coin_reference_id, grade_code, price_date) DO UPDATE SET
                pcgs_price = excluded.pcgs_price, greysheet_price = excluded.greysheet_price,
                price_source = excluded.price_source
            """;

    static final String HISTORY = """
            SELECT p.coin_reference_id, c.pcgs_number, p.grade_code, p.price_date, p.pcgs_price, p.greysheet_price,
                   p.price_source
            FROM price_guide p
            JOIN coin_references c ON c.id = p.coin_reference_id
            JOIN valid_grades g ON g.grade_code = p.grade_code
            WHERE p.coin_reference_id = $1
              AND ($2::text IS NULL OR p.grade_code = $2::text)
              AND ($3::date IS NULL OR p.price_date >= $3::date)
              AND ($4::date IS NULL OR p.price_date <= $4::date)
            ORDER BY p.price_date, g.display_order
            """;

    static final String COIN_BY_ID_OR_PCGS = "SELECT id FROM coin_references WHERE id = $1 OR pcgs_number = $2";

    private final Pool pool;
    private final GradeCatalog grades;
    private final Clock clock;

    public PriceGuide(Pool pool, GradeCatalog grades, Clock clock) {
        this.pool = pool;
        this.grades = grades;
        this.clock = clock;
    }

    /** {@code problems}, when given, holds a reason per row found while parsing (CSV), or null. */
    public Uni<Integer> importRows(List<PriceRowInput> rows, List<String> problems, BooleanSupplier expired) {
        if (rows == null || rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw ApiException.invalidField("body", "must hold 1 to " + MAX_ROWS + " price rows");
        }
        Set<Integer> pcgsNumbers = new HashSet<>();
        Set<String> coinIds = new HashSet<>();
        for (PriceRowInput row : rows) {
            if (row != null && row.coinReferenceId() != null) {
                coinIds.add(row.coinReferenceId());
            }
            if (row != null && row.pcgsNumber() != null) {
                pcgsNumbers.add(row.pcgsNumber());
            }
        }
        Uni<Map<String, Integer>> known = pool.preparedQuery(RESOLVE_COINS)
                .execute(Tuple.tuple().addArrayOfInteger(pcgsNumbers.toArray(Integer[]::new))
                        .addArrayOfString(coinIds.toArray(String[]::new)))
                .map(found -> {
                    Map<String, Integer> pcgsById = new HashMap<>();
                    for (Row r : found) {
                        pcgsById.put(r.getString(0), r.getInteger(1));
                    }
                    return pcgsById;
                });
        return Uni.combine().all().unis(known, grades.codes()).asTuple()
                .flatMap(both -> write(checked(rows, problems, both.getItem1(), both.getItem2()), expired));
    }

    private ValidRows checked(List<PriceRowInput> rows, List<String> problems, Map<String, Integer> pcgsById,
            Set<String> gradeCodes) {
        Map<Integer, String> idByPcgs = new HashMap<>();
        pcgsById.forEach((id, pcgs) -> idByPcgs.put(pcgs, id));
        LocalDate today = LocalDate.now(clock);
        RowErrors errors = new RowErrors();
        ValidRows valid = new ValidRows(rows.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            PriceRowInput row = rows.get(i);
            String problem = problems == null ? null : problems.get(i);
            if (problem != null) {
                errors.add(i, problem);
                continue;
            }
            if (row == null) {
                errors.add(i, "row is null");
                continue;
            }
            String coinId = row.coinReferenceId() != null ? row.coinReferenceId() : idByPcgs.get(row.pcgsNumber());
            String reason = null;
            LocalDate date = null;
            if (row.coinReferenceId() == null && row.pcgsNumber() == null) {
                reason = "pcgsNumber or coinReferenceId is required";
            } else if (coinId == null || !pcgsById.containsKey(coinId)) {
                reason = "unknown coin";
            } else if (row.pcgsNumber() != null && !row.pcgsNumber().equals(pcgsById.get(coinId))) {
                reason = "pcgsNumber and coinReferenceId name different coins";
            } else if (row.gradeCode() == null || !gradeCodes.contains(row.gradeCode())) {
                reason = "gradeCode is not a valid grade";
            } else if (row.pcgsPrice() == null && row.greysheetPrice() == null) {
                reason = "at least one of pcgsPrice and greysheetPrice is required";
            } else {
                reason = Inputs.firstOf(Inputs.nonNegative("pcgsPrice", row.pcgsPrice()),
                        Inputs.nonNegative("greysheetPrice", row.greysheetPrice()));
            }
            if (reason == null) {
                try {
                    date = row.priceDate() == null ? null : LocalDate.parse(row.priceDate());
                } catch (DateTimeParseException e) {
                    date = null;
                }
                if (date == null) {
                    reason = "priceDate must be a date YYYY-MM-DD";
                } else if (date.isAfter(today)) {
                    reason = "priceDate is in the future";
                }
            }
            if (reason == null) {
                Integer earlier = seen.putIfAbsent(coinId + '|' + row.gradeCode() + '|' + date, i);
                if (earlier != null) {
                    reason = "same coin, grade and date as index " + earlier;
                }
            }
            if (reason != null) {
                errors.add(i, reason);
            } else if (errors.isEmpty()) {
                valid.add(coinId, row.gradeCode(), date, cents(row.pcgsPrice()), cents(row.greysheetPrice()));
            }
        }
        errors.throwIfAny("price row");
        return valid;
    }

    private Uni<Integer> write(ValidRows rows, BooleanSupplier expired) {
        Tuple params = Tuple.tuple().addArrayOfString(rows.coins.toArray(String[]::new))
                .addArrayOfString(rows.grades.toArray(String[]::new))
                .addArrayOfLocalDate(rows.dates.toArray(LocalDate[]::new))
                .addArrayOfString(rows.pcgs.toArray(String[]::new))
                .addArrayOfString(rows.grey.toArray(String[]::new));
        return pool.withTransaction(conn -> conn.preparedQuery(UPSERT).execute(params)
                .flatMap(result -> DatabaseDeadline.unlessExpired(expired, result.rowCount())));
    }

    public Uni<List<PriceGuideRow>> history(String coinReferenceId, Integer pcgsNumber, String gradeCode,
            LocalDate from, LocalDate to) {
        return pool.preparedQuery(COIN_BY_ID_OR_PCGS).execute(Tuple.of(coinReferenceId, pcgsNumber))
                .flatMap(coin -> {
                    if (coin.size() == 0) {
                        throw ApiException.notFound("Coin");
                    }
                    String coinId = coin.iterator().next().getString(0);
                    return pool.preparedQuery(HISTORY).execute(Tuple.of(coinId, gradeCode, from, to));
                })
                .map(found -> {
                    List<PriceGuideRow> rows = new ArrayList<>(found.size());
                    for (Row r : found) {
                        rows.add(new PriceGuideRow(r.getString(0), r.getInteger(1), r.getString(2),
                                r.getLocalDate(3).toString(), r.getBigDecimal(4), r.getBigDecimal(5), r.getString(6)));
                    }
                    return rows;
                });
    }

    private static String cents(BigDecimal price) {
        return price == null ? null : price.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The checked rows as the parallel arrays the upsert unnests. */
    private static final class ValidRows {
        final List<String> coins;
        final List<String> grades;
        final List<LocalDate> dates;
        final List<String> pcgs;
        final List<String> grey;

        ValidRows(int size) {
            coins = new ArrayList<>(size);
            grades = new ArrayList<>(size);
            dates = new ArrayList<>(size);
            pcgs = new ArrayList<>(size);
            grey = new ArrayList<>(size);
        }

        void add(String coin, String grade, LocalDate date, String pcgsPrice, String greysheetPrice) {
            coins.add(coin);
            grades.add(grade);
            dates.add(date);
            pcgs.add(pcgsPrice);
            grey.add(greysheetPrice);
        }
    }
}
