package io.bulliontracker.catalog;

import io.bulliontracker.common.DatabaseDeadline;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The coin references: set-based upsert, search, lookup. */
@ApplicationScoped
public class CoinCatalog {

    static final String COLUMNS = "id, pcgs_number, ngc_number, year, mint_mark, denomination, series, variety, metal, "
            + "weight_oz, fineness, mintage, full_name";

    /**
     * One statement for the whole batch: parallel arrays unnested into rows. {@code xmax = 0} holds for
     * rows this statement inserted, which tells created from updated.
     */
    static final String UPSERT = """
            INSERT INTO coin_references (pcgs_number, ngc_number, year, mint_mark, denomination, series, variety,
                                         metal, weight_oz, fineness, mintage, full_name)
            SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
                                 $8::text[], $9::text[]::numeric[], $10::text[]::numeric[], $11::bigint[], $12::text[])
            ON CONFLICT (pcgs_number) DO UPDATE SET
                ngc_number = excluded.ngc_number, year = excluded.year, mint_mark = excluded.mint_mark,
                denomination = excluded.denomination, series = excluded.series, variety = excluded.variety,
                metal = excluded.metal, weight_oz = excluded.weight_oz, fineness = excluded.fineness,
                mintage = excluded.mintage, full_name = excluded.full_name, updated_at = now()
            RETURNING id, pcgs_number, (xmax = 0) AS created
            """;

    static final String BY_PCGS_NUMBER = "SELECT " + COLUMNS + " FROM coin_references WHERE pcgs_number = $1";

    /** The latest row per grade, in the grades' display order. */
    static final String LATEST_PER_GRADE = """
            SELECT latest.grade_code, latest.pcgs_price, latest.greysheet_price, latest.price_date
            FROM (SELECT DISTINCT ON (grade_code) grade_code, pcgs_price, greysheet_price, price_date
                  FROM price_guide WHERE coin_reference_id = $1
                  ORDER BY grade_code, price_date DESC) AS latest
            JOIN valid_grades g ON g.grade_code = latest.grade_code
            ORDER BY g.display_order
            """;

    /** Words beyond this many add little to a search and would only grow the statement. */
    static final int MAX_SEARCH_WORDS = 8;

    private final Pool pool;

    public CoinCatalog(Pool pool) {
        this.pool = pool;
    }

    /** {@code expired} turns true when the client was already told 503: then nothing commits. */
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
            mintMark[i] = Inputs.trimmed(c.mintMark());
            denomination[i] = Inputs.trimmed(c.denomination());
            series[i] = Inputs.trimmed(c.series());
            variety[i] = Inputs.trimmed(c.variety());
            metal[i] = Inputs.trimmed(c.metal());
            weight[i] = plain(c.weightOz());
            fineness[i] = plain(c.fineness());
            mintage[i] = c.mintage();
            fullName[i] = Inputs.trimmed(c.fullName());
        }
        Tuple params = Tuple.tuple().addArrayOfInteger(pcgs).addArrayOfInteger(ngc).addArrayOfInteger(year)
                .addArrayOfString(mintMark).addArrayOfString(denomination).addArrayOfString(series)
                .addArrayOfString(variety).addArrayOfString(metal).addArrayOfString(weight)
                .addArrayOfString(fineness).addArrayOfLong(mintage).addArrayOfString(fullName);
        return pool.withTransaction(conn -> conn.preparedQuery(UPSERT).execute(params)
                .flatMap(rows -> DatabaseDeadline.unlessExpired(expired, rows))).map(rows -> {
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

    public Uni<Coin> byPcgsNumber(int pcgsNumber) {
        return pool.preparedQuery(BY_PCGS_NUMBER).execute(Tuple.of(pcgsNumber))
                .map(rows -> rows.size() == 0 ? null : coin(rows.iterator().next()));
    }

    public Uni<List<Coin.LatestGradePrice>> latestPerGrade(String coinId) {
        return pool.preparedQuery(LATEST_PER_GRADE).execute(Tuple.of(coinId)).map(rows -> {
            List<Coin.LatestGradePrice> prices = new ArrayList<>(rows.size());
            for (Row row : rows) {
                prices.add(new Coin.LatestGradePrice(row.getString(0), row.getBigDecimal(1), row.getBigDecimal(2),
                        row.getLocalDate(3).toString()));
            }
            return prices;
        });
    }

    /**
     * Coins whose name and series together contain every word (case-insensitive), or whose year or
     * PCGS number equals a numeric query. The LIKE patterns are served by the trigram index on
     * {@code lower(full_name || ' ' || series)}.
     */
    public Uni<List<Coin>> search(List<String> words, Integer number, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM coin_references WHERE (");
        Tuple params = Tuple.tuple();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                sql.append(" AND ");
            }
            params.addString("%" + escapeLike(words.get(i).toLowerCase()) + "%");
            sql.append("lower(full_name || ' ' || series) LIKE $").append(params.size());
        }
        sql.append(')');
        if (number != null) {
            params.addInteger(number);
            sql.append(" OR year = $").append(params.size()).append(" OR pcgs_number = $").append(params.size());
        }
        params.addInteger(limit);
        sql.append(" ORDER BY full_name, pcgs_number LIMIT $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(params).map(CoinCatalog::coins);
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

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
