package io.bulliontracker.testing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Fixture rows written straight into the test run's database (not through the proxy, so they never
 * count against a query budget), and read-backs for asserting what the service wrote.
 */
public final class TestData {

    private static final AtomicInteger PCGS = new AtomicInteger(100_000 + (int) (Math.random() * 1_000_000) * 10);

    private TestData() {
    }

    public static String newUser() {
        return "user-" + UUID.randomUUID();
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public static LocalDate daysAgo(int days) {
        return today().minusDays(days);
    }

    public static int nextPcgsNumber() {
        return PCGS.incrementAndGet();
    }

    public static String coin(String fullName) {
        return coin(nextPcgsNumber(), fullName);
    }

    public static String coin(int pcgsNumber, String fullName) {
        String id = "coin-" + UUID.randomUUID();
        update("INSERT INTO coin_references (id, pcgs_number, year, denomination, series, full_name) "
                + "VALUES (?, ?, 1909, '1C', 'Lincoln Cent', ?)", id, pcgsNumber, fullName);
        return id;
    }

    public static void price(String coinId, String grade, LocalDate date, String pcgs, String greysheet) {
        String source = pcgs != null && greysheet != null ? "both" : pcgs != null ? "pcgs" : "greysheet";
        if (pcgs == null && greysheet == null) {
            source = "pcgs";
        }
        update("INSERT INTO price_guide (coin_reference_id, grade_code, price_date, pcgs_price, greysheet_price, price_source) "
                + "VALUES (?, ?, ?, ?::numeric, ?::numeric, ?)", coinId, grade, date, pcgs, greysheet, source);
        update(LATEST_OF + "WHERE coin_reference_id = ? AND grade_code = ?" + LATEST_UPSERT, coinId, grade);
    }

    /** After price rows written set-based by a test: {@code price_guide_latest} for the coins whose id starts so. */
    public static void keepLatestPrices(String coinIdPrefix) {
        update(LATEST_OF + "WHERE starts_with(coin_reference_id, ?)" + LATEST_UPSERT, coinIdPrefix);
    }

    /**
     * Fixture rows bypass the import, which keeps {@code price_guide_latest}; this recomputes the keys a
     * fixture wrote from their history (followed by a WHERE on price_guide and {@link #LATEST_UPSERT}).
     */
    private static final String LATEST_OF = """
            INSERT INTO price_guide_latest (coin_reference_id, grade_code, price_date, pcgs_price, greysheet_price)
            SELECT DISTINCT ON (coin_reference_id, grade_code)
                   coin_reference_id, grade_code, price_date, pcgs_price, greysheet_price
            FROM price_guide
            """;

    private static final String LATEST_UPSERT = """
             AND (pcgs_price IS NOT NULL OR greysheet_price IS NOT NULL)
            ORDER BY coin_reference_id, grade_code, price_date DESC
            ON CONFLICT (coin_reference_id, grade_code) DO UPDATE SET price_date = excluded.price_date,
                pcgs_price = excluded.pcgs_price, greysheet_price = excluded.greysheet_price""";

    /** A numismatic item; {@code bookValueType} decides whether sync considers it. */
    public static String item(String userId, String coinId, String grade, String title, String bookValueType) {
        String id = "item-" + UUID.randomUUID();
        update("INSERT INTO collection_items (id, user_id, category, metal, book_value_type, coin_reference_id, grade, title) "
                + "VALUES (?, ?, 'NUMISMATIC', 'copper', ?, ?, ?, ?)", id, userId, bookValueType, coinId, grade, title);
        return id;
    }

    public static String item(String userId, String id, String category, String coinId, String grade, String title,
            String bookValueType) {
        update("INSERT INTO collection_items (id, user_id, category, metal, book_value_type, coin_reference_id, grade, title) "
                + "VALUES (?, ?, ?, 'copper', ?, ?, ?, ?)", id, userId, category, bookValueType, coinId, grade, title);
        return id;
    }

    /**
     * {@code n} guide-price items of {@code user}, each on its own coin with a price 45 days ago
     * (10.00 PCGS, 9.00 Greysheet) and today (11.00 PCGS, 10.00 Greysheet); every fifth grade is
     * estimated ({@code ~}), every other item has no title. Set-based, so 10,000 items take a moment.
     */
    public static void pricedCollection(String user, int n, String grade) {
        String prefix = user + "-";
        update("""
                INSERT INTO coin_references (id, pcgs_number, year, denomination, series, full_name)
                SELECT ? || 'coin-' || g, ? + g, 1900 + g % 100, '1C', 'Bulk series', 'Bulk coin ' || g
                FROM generate_series(1, ?) AS g""", prefix, PCGS.getAndAdd(n + 1), n);
        update("""
                INSERT INTO price_guide (coin_reference_id, grade_code, price_date, pcgs_price, greysheet_price, price_source)
                SELECT ? || 'coin-' || g, ?, d.day, d.pcgs, d.grey, 'both'
                FROM generate_series(1, ?) AS g, (SELECT (now() AT TIME ZONE 'UTC')::date AS utc_today) AS t,
                     LATERAL (VALUES (t.utc_today - 45, 10.00, 9.00), (t.utc_today, 11.00, 10.00)) AS d(day, pcgs, grey)""",
                prefix, grade, n);
        update(LATEST_OF + "WHERE starts_with(coin_reference_id, ?)" + LATEST_UPSERT, prefix + "coin-");
        update("""
                INSERT INTO collection_items (id, user_id, category, metal, book_value_type, coin_reference_id, grade, title)
                SELECT ? || 'item-' || lpad(g::text, 6, '0'), ?, 'NUMISMATIC', 'silver', 'guide_price', ? || 'coin-' || g,
                       CASE WHEN g % 5 = 0 THEN '~' || ? ELSE ? END,
                       CASE WHEN g % 2 = 0 THEN NULL ELSE 'Item ' || g END
                FROM generate_series(1, ?) AS g""", prefix, user, prefix, grade, grade, n);
    }

    /**
     * A BEFORE INSERT trigger on item_value_history that runs {@code plpgsql} for each row written for
     * items whose id starts with {@code itemPrefix} (every row when it is empty): a test's way to make
     * the sync's last write slow or fail. Closing it drops the trigger.
     */
    public static AutoCloseable historyInsertTrigger(String itemPrefix, String plpgsql) {
        String name = "test_trigger_" + UUID.randomUUID().toString().replace("-", "");
        update("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.item_id LIKE '" + itemPrefix.replace("'", "''") + "%' THEN " + plpgsql + " END IF; RETURN NEW; END $$");
        update("CREATE TRIGGER " + name + " BEFORE INSERT ON item_value_history FOR EACH ROW EXECUTE FUNCTION " + name + "()");
        return () -> {
            update("DROP TRIGGER " + name + " ON item_value_history");
            update("DROP FUNCTION " + name + "()");
        };
    }

    public static void update(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static List<List<Object>> rows(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static long count(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0).get(0)).longValue();
    }

    public static BigDecimal decimal(String sql, Object... params) {
        Object value = rows(sql, params).get(0).get(0);
        return value == null ? null : (BigDecimal) value;
    }

    public static Connection connect() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("test.jdbc.url", String.class);
        return DriverManager.getConnection(url, TestDatabaseResource.credentials());
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof LocalDate date) {
                s.setObject(i + 1, date);
            } else {
                s.setObject(i + 1, p);
            }
        }
    }
}
