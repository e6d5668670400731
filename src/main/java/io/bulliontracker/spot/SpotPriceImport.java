package io.bulliontracker.spot;

import io.bulliontracker.common.ApiException;
import io.bulliontracker.common.DatabaseDeadline;
import io.bulliontracker.common.RowErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The admin import of spot prices. The whole batch is checked in memory first (no lookups are needed),
 * then one set-based upsert writes it: all or nothing, one statement whatever its size.
 */
@ApplicationScoped
public class SpotPriceImport {

    static final int MAX_ROWS = 100_000;
    static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");
    static final BigDecimal MIN_PRICE = new BigDecimal("0.01");
    static final int MAX_SOURCE = 50;
    static final String DEFAULT_SOURCE = "import";
    /** Keeps timestamps inside what PostgreSQL stores; no spot market quotes older than this matter here. */
    static final int EARLIEST_YEAR = 1900;

    static final String UPSERT = """
            INSERT INTO spot_prices (metal, observed_at, price_per_oz, source)
            SELECT r.metal, r.observed_at, r.price, r.source
            FROM unnest($1::text[], $2::timestamptz[], $3::text[]::numeric[], $4::text[])
                 AS r(metal, observed_at, price, source)
            ON CONFLICT (metal, observed_at) DO UPDATE SET
                price_per_oz = excluded.price_per_oz, source = excluded.source
            """;

    private final Pool pool;
    private final Clock clock;

    public SpotPriceImport(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** {@code problems}, when given (CSV), holds per row the reason it could not be parsed, or null. */
    public Uni<Integer> importRows(List<SpotPriceInput> rows, List<String> problems, BooleanSupplier expired) {
        if (rows == null || rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw ApiException.invalidField("body", "must hold 1 to " + MAX_ROWS + " price rows");
        }
        ValidRows valid = checked(rows, problems);
        Tuple params = Tuple.tuple().addArrayOfString(valid.metals.toArray(String[]::new))
                .addArrayOfOffsetDateTime(valid.times.toArray(OffsetDateTime[]::new))
                .addArrayOfString(valid.prices.toArray(String[]::new))
                .addArrayOfString(valid.sources.toArray(String[]::new));
        return pool.withTransaction(conn -> conn.preparedQuery(UPSERT).execute(params)
                .flatMap(result -> DatabaseDeadline.unlessExpired(expired, result.rowCount())));
    }

    private ValidRows checked(List<SpotPriceInput> rows, List<String> problems) {
        // PostgreSQL keeps microseconds; two rows that differ below that are the same row.
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        RowErrors errors = new RowErrors();
        ValidRows valid = new ValidRows(rows.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String problem = problems == null ? null : problems.get(i);
            SpotPriceInput row = rows.get(i);
            if (problem == null && row == null) {
                problem = "row is null";
            }
            String source = null;
            OffsetDateTime observedAt = null;
            if (problem == null) {
                problem = metalProblem(row.metal());
            }
            if (problem == null) {
                problem = priceProblem(row.pricePerOz());
            }
            if (problem == null) {
                source = row.source() == null || row.source().isBlank() ? DEFAULT_SOURCE : row.source().strip();
                if (source.length() > MAX_SOURCE || source.indexOf('\0') >= 0) {
                    problem = "source must be at most " + MAX_SOURCE + " characters of text";
                }
            }
            if (problem == null) {
                observedAt = row.observedAt() == null ? now : parseTime(row.observedAt());
                if (observedAt == null) {
                    problem = "observedAt must be an ISO-8601 timestamp such as 2025-01-15T14:30:00Z";
                } else if (observedAt.isAfter(now)) {
                    problem = "observedAt is in the future";
                } else if (observedAt.getYear() < EARLIEST_YEAR) {
                    problem = "observedAt must be in " + EARLIEST_YEAR + " or later";
                }
            }
            if (problem == null) {
                Integer earlier = seen.putIfAbsent(row.metal() + '|' + observedAt.toInstant(), i);
                if (earlier != null) {
                    problem = "same metal and observedAt as index " + earlier;
                }
            }
            if (problem != null) {
                errors.add(i, problem);
            } else if (errors.isEmpty()) {
                valid.add(row.metal(), observedAt, row.pricePerOz().setScale(2, RoundingMode.HALF_UP), source);
            }
        }
        errors.throwIfAny("price row");
        return valid;
    }

    private static String metalProblem(String metal) {
        if (metal == null || metal.isBlank()) {
            return "metal is required";
        }
        if (SpotMetal.named(metal).isEmpty()) {
            return "metal must be one of " + String.join(", ", SpotMetal.NAMES) + " (copper has no spot price)";
        }
        return null;
    }

    /** The contract's decimal rule comes first, so that no arithmetic ever runs on a value such as 1e-20000. */
    private static String priceProblem(BigDecimal price) {
        if (price == null) {
            return "pricePerOz is required";
        }
        if (price.scale() > 12 || price.precision() - price.scale() > 12) {
            return "pricePerOz must have at most 12 digits before and 12 after the decimal point";
        }
        if (price.signum() <= 0) {
            return "pricePerOz must be greater than 0";
        }
        if (price.compareTo(MAX_PRICE) > 0) {
            return "pricePerOz must be at most " + MAX_PRICE.toPlainString();
        }
        if (price.setScale(2, RoundingMode.HALF_UP).compareTo(MIN_PRICE) < 0) {
            return "pricePerOz must be at least 0.01 (prices are kept in cents)";
        }
        return null;
    }

    /** An ISO-8601 date-time with an offset ({@code Z}, {@code +02:00}); one without an offset is UTC. */
    static OffsetDateTime parseTime(String text) {
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.strip(), OffsetDateTime::from,
                    LocalDateTime::from);
            OffsetDateTime time = parsed instanceof OffsetDateTime offset ? offset
                    : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
            return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    /** The checked rows as the parallel arrays the upsert unnests. */
    private static final class ValidRows {
        final List<String> metals;
        final List<OffsetDateTime> times;
        final List<String> prices;
        final List<String> sources;

        ValidRows(int size) {
            metals = new ArrayList<>(size);
            times = new ArrayList<>(size);
            prices = new ArrayList<>(size);
            sources = new ArrayList<>(size);
        }

        void add(String metal, OffsetDateTime observedAt, BigDecimal price, String source) {
            metals.add(metal);
            times.add(observedAt);
            prices.add(price.toPlainString());
            sources.add(source);
        }
    }
}
