package io.bulliontracker.catalog;

import io.bulliontracker.common.RowErrors;
import io.bulliontracker.common.ApiException;
import io.bulliontracker.common.ConflictRetry;
import io.bulliontracker.common.DatabaseDeadline;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** The coin references: set-based upsert, search, lookup. */
@ApplicationScoped
public class CoinCatalog {

    static final int MAX_COINS = 10_000;

    static final String COLUMNS = "id, pcgs_number, ngc_number, year, mint_mark, denomination, series, variety, metal, "
            + "weight_oz, fineness, mintage, full_name";

    /**
     * One statement for the whole batch: parallel arrays unnested into rows, in PCGS-number order so that
     * concurrent batches lock shared coins in the same order and queue rather than deadlock.
     * {@code xmax = 0} holds for rows this statement inserted, which tells created from updated.
     */
    static final String UPSERT = """
            INSERT INTO coin_references (pcgs_number, ngc_number, year, mint_mark, denomination, series, variety,
                                         metal, weight_oz, fineness, mintage, full_name)
            SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
                                 $8::text[], $9::text[]::numeric[], $10::text[]::numeric[], $11::bigint[], $12::text[])
            ORDER BY 1
            ON CONFLICT (pcgs_number) DO UPDATE SET
                ngc_number = excluded.ngc_number, year = excluded.year, mint_mark = excluded.mint_mark,
                denomination = excluded.denomination, series = excluded.series, variety = excluded.variety,
                metal = excluded.metal, weight_oz = excluded.weight_oz, fineness = excluded.fineness,
                mintage = excluded.mintage, full_name = excluded.full_name, updated_at = now()
            RETURNING id, pcgs_number, (xmax = 0) AS created
            """;

    /**
     * The coin and the latest priced row per grade, in the grades' display order, in one statement: a row
     * per priced grade, or one row with null prices for a coin without any. The latest rows are the
     * coin's range of {@code price_guide_latest}'s primary key, not a walk through its whole history.
     */
    static final String WITH_LATEST_PRICES = """
            SELECT c.id, c.pcgs_number, c.ngc_number, c.year, c.mint_mark, c.denomination, c.series, c.variety,
                   c.metal, c.weight_oz, c.fineness, c.mintage, c.full_name,
                   l.grade_code, l.pcgs_price, l.greysheet_price, l.price_date
            FROM coin_references c
            LEFT JOIN (price_guide_latest l JOIN valid_grades g ON g.grade_code = l.grade_code)
                   ON l.coin_reference_id = c.id
            WHERE c.pcgs_number = $1
            ORDER BY g.display_order
            """;

    /** How many words the trigram index looks up; every other word is checked on the rows it finds. */
    static final int INDEXED_WORDS = 4;

    /**
     * Coins whose name and series together contain every word, or whose year or PCGS number equals a
     * numeric query. The text is the same whatever the number of words, so it is prepared once: the
     * trigram index on {@code lower(full_name || ' ' || series)} looks up the longest words ($1..$4, the
     * ones with the most trigrams; fewer words repeat the longest), and {@code LIKE ALL} checks every word
     * ($5). The numbers are a UNION rather than an OR, which would turn both lookups into a sequential scan.
     */
    static final String SEARCH = """
            SELECT %1$s FROM coin_references
            WHERE lower(full_name || ' ' || series) LIKE $1 AND lower(full_name || ' ' || series) LIKE $2
              AND lower(full_name || ' ' || series) LIKE $3 AND lower(full_name || ' ' || series) LIKE $4
              AND lower(full_name || ' ' || series) LIKE ALL ($5::text[])
            UNION
            SELECT %1$s FROM coin_references WHERE year = $6 OR pcgs_number = $6
            ORDER BY full_name, pcgs_number
            LIMIT $7
            """.formatted(COLUMNS);

    private final Pool pool;
    private final Validator validator;

    public CoinCatalog(Pool pool, Validator validator) {
        this.pool = pool;
        this.validator = validator;
    }

    /**
     * Checks a whole batch before anything is written: each coin's constraints (see {@link CoinInput}),
     * and each PCGS number once. The 400 names the first bad rows by index.
     */
    public void validate(List<CoinInput> coins) {
        RowErrors errors = new RowErrors();
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < coins.size(); i++) {
            CoinInput coin = coins.get(i);
            String reason = coin == null ? "coin is null" : RowErrors.reason(validator.validate(coin));
            if (reason == null) {
                Integer earlier = seen.putIfAbsent(coin.pcgsNumber(), i);
                if (earlier != null) {
                    reason = "pcgsNumber " + coin.pcgsNumber() + " appears again (first at index " + earlier + ")";
                }
            }
            if (reason != null) {
                errors.add(i, reason);
            }
        }
        errors.throwIfAny("coin");
    }

    /**
     * Upserts a batch {@link #validate} accepted. {@code expired} turns true when the client was already
     * told 503: then nothing commits.
     */
    public Uni<CoinUpsertResult> upsert(List<CoinInput> coins, BooleanSupplier expired) {
        int n = coins.size();
        Integer[] pcgs = new Integer[n];
        Integer[] ngc = new Integer[n];
        Integer[] year = new Integer[n];
        String[] mintMark = new String[n];
        String[] denomination = new String[n];
        String[] series = new String[n];
        String[] variety = new String[n];
        String[] metal = new String[n];
        String[] weight = new String[n];
        String[] fineness = new String[n];
        Long[] mintage = new Long[n];
        String[] fullName = new String[n];
        for (int i = 0; i < n; i++) {
            CoinInput c = coins.get(i);
            pcgs[i] = c.pcgsNumber();
            ngc[i] = c.ngcNumber();
            year[i] = c.year();
            mintMark[i] = trimmed(c.mintMark());
            denomination[i] = trimmed(c.denomination());
            series[i] = trimmed(c.series());
            variety[i] = trimmed(c.variety());
            metal[i] = trimmed(c.metal());
            weight[i] = plain(c.weightOz());
            fineness[i] = plain(c.fineness());
            mintage[i] = c.mintage();
            fullName[i] = trimmed(c.fullName());
        }
        Tuple params = Tuple.tuple().addArrayOfInteger(pcgs).addArrayOfInteger(ngc).addArrayOfInteger(year)
                .addArrayOfString(mintMark).addArrayOfString(denomination).addArrayOfString(series)
                .addArrayOfString(variety).addArrayOfString(metal).addArrayOfString(weight)
                .addArrayOfString(fineness).addArrayOfLong(mintage).addArrayOfString(fullName);
        return ConflictRetry.transaction(() -> pool.withTransaction(conn -> conn.preparedQuery(UPSERT).execute(params)
                .flatMap(rows -> DatabaseDeadline.unlessExpired(expired, rows)))).map(rows -> {
            Map<Integer, String> ids = new HashMap<>(n * 2);
            int created = 0;
            for (Row row : rows) {
                ids.put(row.getInteger(1), row.getString(0));
                if (Boolean.TRUE.equals(row.getBoolean(2))) {
                    created++;
                }
            }
            List<CoinUpsertResult.CoinKey> keys = new ArrayList<>(n);
            for (CoinInput c : coins) {
                keys.add(new CoinUpsertResult.CoinKey(ids.get(c.pcgsNumber()), c.pcgsNumber()));
            }
            return new CoinUpsertResult(created, rows.size() - created, keys);
        });
    }

    /** The id of the coin named by id or by PCGS number (one of them null), or null when none is. */
    public Uni<String> resolveId(String coinReferenceId, Integer pcgsNumber) {
        String sql = coinReferenceId != null ? "SELECT id FROM coin_references WHERE id = $1"
                : "SELECT id FROM coin_references WHERE pcgs_number = $1";
        Tuple key = coinReferenceId != null ? Tuple.of(coinReferenceId) : Tuple.of(pcgsNumber);
        return pool.preparedQuery(sql).execute(key).map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    /** The coin with its latest price per grade; a 404 when no coin has this PCGS number. */
    public Uni<Coin> withLatestPrices(int pcgsNumber) {
        return pool.preparedQuery(WITH_LATEST_PRICES).execute(Tuple.of(pcgsNumber)).map(rows -> {
            if (rows.size() == 0) {
                throw ApiException.notFound("Coin");
            }
            Coin coin = null;
            List<Coin.LatestGradePrice> prices = new ArrayList<>(rows.size());
            for (Row row : rows) {
                coin = coin != null ? coin : coin(row);
                if (row.getString("grade_code") != null) {
                    prices.add(new Coin.LatestGradePrice(row.getString("grade_code"), row.getBigDecimal("pcgs_price"),
                            row.getBigDecimal("greysheet_price"), row.getLocalDate("price_date").toString()));
                }
            }
            return coin.withPrices(prices);
        });
    }

    /**
     * Coins matching every word of {@code query} (case-insensitive substrings of name and series), or
     * whose year or PCGS number equals it when it is a number. A blank query finds nothing, without
     * asking the database.
     */
    public Uni<List<Coin>> search(String query, int limit) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> words = Stream.of(text.toLowerCase(Locale.ROOT).split("\\s+")).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        Tuple params = Tuple.tuple();
        for (int i = 0; i < INDEXED_WORDS; i++) {
            params.addString(contains(words.get(i < words.size() ? i : 0)));
        }
        params.addArrayOfString(words.stream().map(CoinCatalog::contains).toArray(String[]::new))
                .addInteger(asInteger(text)).addInteger(limit);
        return pool.preparedQuery(SEARCH).execute(params).map(CoinCatalog::coins);
    }

    /** A query that is a positive int (a year or a PCGS number), else null. */
    private static Integer asInteger(String query) {
        if (!query.matches("\\d{1,10}")) {
            return null;
        }
        long value = Long.parseLong(query);
        return value <= Integer.MAX_VALUE ? (int) value : null;
    }

    static List<Coin> coins(RowSet<Row> rows) {
        List<Coin> coins = new ArrayList<>(rows.size());
        for (Row row : rows) {
            coins.add(coin(row));
        }
        return coins;
    }

    static Coin coin(Row row) {
        return new Coin(row.getString("id"), row.getInteger("pcgs_number"), row.getInteger("ngc_number"),
                row.getInteger("year"), row.getString("mint_mark"), row.getString("denomination"),
                row.getString("series"), row.getString("variety"), row.getString("metal"),
                row.getBigDecimal("weight_oz"), row.getBigDecimal("fineness"), row.getLong("mintage"),
                row.getString("full_name"), null);
    }

    /** A LIKE pattern for text containing {@code word} literally ({@code %} and {@code _} included). */
    private static String contains(String word) {
        return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
