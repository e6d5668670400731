package io.bulliontracker.catalog;

import io.bulliontracker.common.RowErrors;
import io.bulliontracker.common.ApiException;
import io.bulliontracker.common.ConflictRetry;
import io.bulliontracker.common.DatabaseDeadline;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
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
 * Price-guide import and reads. An import is checked whole (constraints, coins, grades, dates, repeats)
 * before one set-based upsert writes it, so it is all or nothing in two statements whatever its size.
 */
@ApplicationScoped
public class PriceGuide {

    static final int MAX_ROWS = 100_000;

    static final String RESOLVE_COINS = """
            SELECT id, pcgs_number FROM coin_references
            WHERE pcgs_number = ANY($1::int[]) OR id = ANY($2::text[])
            """;

    /**
     * The upsert and the upkeep of {@code price_guide_latest} in one statement, so no reader ever sees a
     * history row whose current price is not there yet, and all or nothing still holds.
     * <ul>
     * <li>Rows go in key order ({@code ORDER BY}): two imports of the same keys in opposite orders take
     * their row locks in the same order and queue instead of deadlocking (issue #15).</li>
     * <li>{@code written} is what the upsert left: a new row or a re-imported one with its new prices.
     * Each key's newest written row moves the latest table only forward in date ({@code >=}): a newer row
     * replaces it, a re-import of the latest row replaces its prices, a late correction of an older row
     * leaves it alone. The sub-statements all see the snapshot from before the statement, so the latest
     * table's conflict check is the only place the two can meet; its row lock orders concurrent imports.</li>
     * <li>A row always has a price (the import refuses one without), so "latest priced" is "latest".</li>
     * </ul>
     */
    static final String UPSERT = """
            WITH written AS (
                INSERT INTO price_guide (coin_reference_id, grade_code, price_date, pcgs_price, greysheet_price,
                                         price_source)
                SELECT r.coin, r.grade, r.day, r.pcgs, r.grey,
                       CASE WHEN r.pcgs IS NOT NULL AND r.grey IS NOT NULL THEN 'both'
                            WHEN r.pcgs IS NOT NULL THEN 'pcgs' ELSE 'greysheet' END
                FROM unnest($1::text[], $2::text[], $3::date[], $4::text[]::numeric[], $5::text[]::numeric[])
                     AS r(coin, grade, day, pcgs, grey)
                ORDER BY r.coin, r.grade, r.day
                ON CONFLICT (coin_reference_id, grade_code, price_date) DO UPDATE SET
                    pcgs_price = excluded.pcgs_price, greysheet_price = excluded.greysheet_price,
                    price_source = excluded.price_source
                RETURNING coin_reference_id, grade_code, price_date, pcgs_price, greysheet_price
            ), newest AS (
                INSERT INTO price_guide_latest AS l (coin_reference_id, grade_code, price_date, pcgs_price,
                                                     greysheet_price)
                SELECT DISTINCT ON (w.coin_reference_id, w.grade_code)
                       w.coin_reference_id, w.grade_code, w.price_date, w.pcgs_price, w.greysheet_price
                FROM written w
                WHERE w.pcgs_price IS NOT NULL OR w.greysheet_price IS NOT NULL
                ORDER BY w.coin_reference_id, w.grade_code, w.price_date DESC
                ON CONFLICT (coin_reference_id, grade_code) DO UPDATE SET
                    price_date = excluded.price_date, pcgs_price = excluded.pcgs_price,
                    greysheet_price = excluded.greysheet_price
                WHERE excluded.price_date >= l.price_date
            )
            SELECT count(*)::int FROM written
            """;

    /**
     * The coins named by id ($1) or PCGS number ($2), each with its rows in the range: one row per
     * coin with null prices when it has none. Two coins come back when the two keys name different ones.
     */
    static final String HISTORY = """
            SELECT c.id, c.pcgs_number, p.grade_code, p.price_date, p.pcgs_price, p.greysheet_price, p.price_source
            FROM coin_references c
            LEFT JOIN (price_guide p JOIN valid_grades g ON g.grade_code = p.grade_code)
                   ON p.coin_reference_id = c.id
                  AND ($3::text IS NULL OR p.grade_code = $3::text)
                  AND ($4::date IS NULL OR p.price_date >= $4::date)
                  AND ($5::date IS NULL OR p.price_date <= $5::date)
            WHERE c.id = $1 OR c.pcgs_number = $2
            ORDER BY c.id, p.price_date, g.display_order
            LIMIT $6
            """;

    /**
     * The most rows one history read answers: ~27 years of daily prices of one grade. A read that would
     * hold more is refused (narrow it by grade or dates) rather than built in memory whatever its size.
     */
    static final int MAX_HISTORY_ROWS = 10_000;

    /**
     * The coins named by id ($1) or PCGS number ($2), each with its latest priced row for grade $3, priced
     * PCGS, else greysheet (as performance prices it): one primary-key lookup in {@code price_guide_latest}.
     */
    static final String LATEST_PRICE = """
            SELECT c.id, c.pcgs_number, coalesce(l.pcgs_price, l.greysheet_price) AS price, l.price_date
            FROM coin_references c
            LEFT JOIN price_guide_latest l ON l.coin_reference_id = c.id AND l.grade_code = $3
            WHERE c.id = $1 OR c.pcgs_number = $2
            """;

    private final Pool pool;
    private final GradeCatalog grades;
    private final Validator validator;
    private final Clock clock;

    public PriceGuide(Pool pool, GradeCatalog grades, Validator validator, Clock clock) {
        this.pool = pool;
        this.grades = grades;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Checks every row, then writes them all in one statement, or writes nothing and answers 400 naming
     * the first bad rows. {@code problems}, when given, holds a reason per row found while reading it
     * (CSV), or null. {@code expired} turns true when the client was already told 503: then nothing commits.
     */
    public Uni<Integer> importRows(List<PriceRowInput> rows, List<String> problems, BooleanSupplier expired) {
        if (rows == null || rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw ApiException.invalidField("body", "must hold 1 to " + MAX_ROWS + " price rows");
        }
        // Each row's constraints first: a row that breaks one is not looked up, nor is any arithmetic done on it.
        String[] reasons = new String[rows.size()];
        Set<Integer> pcgsNumbers = new HashSet<>();
        Set<String> coinIds = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            PriceRowInput row = rows.get(i);
            reasons[i] = problems == null ? null : problems.get(i);
            if (reasons[i] == null) {
                reasons[i] = row == null ? "row is null" : RowErrors.reason(validator.validate(row));
            }
            if (reasons[i] == null && row.coinReferenceId() != null) {
                coinIds.add(row.coinReferenceId());
            }
            if (reasons[i] == null && row.pcgsNumber() != null) {
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
                // Checking 100,000 rows is CPU work: off the event loop that delivered the coins.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(both -> checked(rows, reasons, both.getItem1(), both.getItem2()))
                .flatMap(valid -> write(valid, expired));
    }

    /**
     * Adds the rules that need the database (a known coin, a valid grade), dates and repeats to each
     * row's constraint {@code reasons}; all bad rows are reported together.
     */
    private ValidRows checked(List<PriceRowInput> rows, String[] reasons, Map<String, Integer> pcgsById,
            Set<String> gradeCodes) {
        Map<Integer, String> idByPcgs = new HashMap<>();
        pcgsById.forEach((id, pcgs) -> idByPcgs.put(pcgs, id));
        LocalDate today = LocalDate.now(clock);
        RowErrors errors = new RowErrors();
        ValidRows valid = new ValidRows(rows.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (reasons[i] != null) {
                errors.add(i, reasons[i]);
                continue;
            }
            PriceRowInput row = rows.get(i);
            String coinId = row.coinReferenceId() != null ? row.coinReferenceId() : idByPcgs.get(row.pcgsNumber());
            GradeCodes.GradeText grade = GradeCodes.normalise(row.gradeCode());
            String gradeCode = grade == null || grade.estimated() ? null : grade.codeIn(gradeCodes);
            LocalDate date = date(row.priceDate());
            String reason = null;
            if (coinId == null || !pcgsById.containsKey(coinId)) {
                reason = "unknown coin";
            } else if (row.pcgsNumber() != null && !row.pcgsNumber().equals(pcgsById.get(coinId))) {
                reason = "pcgsNumber and coinReferenceId name different coins";
            } else if (gradeCode == null) {
                reason = "gradeCode is not a valid grade";
            } else if (date == null) {
                reason = "priceDate " + Limits.DATE;
            } else if (date.isAfter(today)) {
                reason = "priceDate is in the future";
            } else {
                Integer earlier = seen.putIfAbsent(coinId + '|' + gradeCode + '|' + date, i);
                if (earlier != null) {
                    reason = "same coin, grade and date as index " + earlier;
                }
            }
            if (reason != null) {
                errors.add(i, reason);
            } else if (errors.isEmpty()) {
                valid.add(coinId, gradeCode, date, cents(row.pcgsPrice()), cents(row.greysheetPrice()));
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
        return ConflictRetry.transaction(() -> pool.withTransaction(conn -> conn.preparedQuery(UPSERT).execute(params)
                .flatMap(result -> DatabaseDeadline.unlessExpired(expired, result.iterator().next().getInteger(0)))));
    }

    /**
     * A coin's rows, ascending by date, optionally of one grade and within [from, to]. 404 when the
     * coin is unknown, 400 when the id and the PCGS number name different coins.
     */
    public Uni<List<PriceGuideRow>> history(String coinReferenceId, Integer pcgsNumber, String gradeCode,
            LocalDate from, LocalDate to) {
        // One row past the cap tells "more than the cap" without reading the rest.
        Tuple params = Tuple.of(coinReferenceId, pcgsNumber, gradeCode, from, to).addInteger(MAX_HISTORY_ROWS + 1);
        return pool.preparedQuery(HISTORY).execute(params)
                .map(found -> {
                    String coinId = theCoin(found, coinReferenceId, pcgsNumber);
                    if (found.size() > MAX_HISTORY_ROWS) {
                        throw ApiException.invalidField("to", "the range holds more than " + MAX_HISTORY_ROWS
                                + " rows: narrow it with gradeCode, from or to");
                    }
                    List<PriceGuideRow> rows = new ArrayList<>(found.size());
                    for (Row r : found) {
                        if (r.getString("grade_code") != null && r.getString("id").equals(coinId)) {
                            rows.add(new PriceGuideRow(r.getString("id"), r.getInteger("pcgs_number"),
                                    r.getString("grade_code"), r.getLocalDate("price_date").toString(),
                                    r.getBigDecimal("pcgs_price"), r.getBigDecimal("greysheet_price"),
                                    r.getString("price_source")));
                        }
                    }
                    return rows;
                });
    }

    /**
     * The latest priced row of a coin in one grade (the clients' price lookup), or null when it has
     * none. 404 when the coin is unknown, 400 when the id and the PCGS number name different coins.
     */
    public Uni<LatestPrice> latest(String coinReferenceId, Integer pcgsNumber, String gradeCode) {
        return pool.preparedQuery(LATEST_PRICE).execute(Tuple.of(coinReferenceId, pcgsNumber, gradeCode))
                .map(found -> {
                    theCoin(found, coinReferenceId, pcgsNumber);
                    Row row = found.iterator().next();
                    BigDecimal price = row.getBigDecimal("price");
                    return price == null ? null : new LatestPrice(price, row.getLocalDate("price_date").toString());
                });
    }

    /**
     * The one coin that rows of {@link #HISTORY} or {@link #LATEST_PRICE} belong to, checking that
     * both keys, when both are given, name it.
     */
    private static String theCoin(RowSet<Row> found, String coinReferenceId, Integer pcgsNumber) {
        Map<String, Integer> coins = new HashMap<>();
        for (Row r : found) {
            coins.put(r.getString("id"), r.getInteger("pcgs_number"));
        }
        if (coins.size() > 1) {
            throw ApiException.invalidField("pcgsNumber", "pcgsNumber and coinReferenceId name different coins");
        }
        // None found, or only one of two keys names this coin and the other names nothing.
        Map.Entry<String, Integer> coin = coins.entrySet().stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("Coin"));
        if ((coinReferenceId != null && !coin.getKey().equals(coinReferenceId))
                || (pcgsNumber != null && !coin.getValue().equals(pcgsNumber))) {
            throw ApiException.notFound("Coin");
        }
        return coin.getKey();
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
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

