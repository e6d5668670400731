package io.bulliontracker.refresh;

import static io.bulliontracker.testing.TestData.daysAgo;
import static io.bulliontracker.testing.TestData.price;
import static io.restassured.RestAssured.given;

import io.bulliontracker.testing.TestData;
import java.math.BigDecimal;
import java.util.List;

/**
 * Three users' items, with ids chosen so that each batch of 2 mixes users:
 *
 * <pre>
 * id          user  coin, grade   latest priced row                 expected after a refresh
 * refresh-01  A     C1 MS65       grey 110.50 (pcgs 120.00)         110.50 greysheet, updated
 * refresh-02  B     C1 MS65       same; the item already holds it   110.50 greysheet, not updated
 * refresh-03  C     C2 ~AU55      pcgs 75.25, no grey               75.25 pcgs, updated
 * refresh-04  A     C2 AU55       same                              75.25 pcgs, updated
 * refresh-05  B     C4 PR69       grey 40.00 (a later row has none) 40.00 greysheet, updated
 * refresh-06  C     C1 ~MS65      grey 110.50                       110.50 greysheet, updated
 * refresh-07  A     C3 MS63       none (C3 is priced in MS64 only)  skipped
 * refresh-08  A     C1 MS65 custom book value                       not considered
 * refresh-09  B     C1, no grade                                    not considered
 * refresh-10  C     bullion, spot_premium                           not considered
 * refresh-11  C     no coin, MS65                                   not considered
 * </pre>
 *
 * Considered 7, synced 6, updated 5, skipped 1; in batches of 2: 4 batches.
 */
final class RefreshFixture {

    static final List<String> SYNCED = List.of("refresh-01", "refresh-02", "refresh-03", "refresh-04", "refresh-05",
            "refresh-06");

    static String coin1;

    private RefreshFixture() {
    }

    /** Every test starts from an empty collection: a refresh covers all users, so nothing else may be there. */
    static void emptyDatabase() {
        TestData.update("DELETE FROM collection_items");
        TestData.update("DELETE FROM price_guide");
        TestData.update("DELETE FROM coin_references");
    }

    static void threeUsers() {
        String a = TestData.newUser();
        String b = TestData.newUser();
        String c = TestData.newUser();
        String c1 = TestData.coin("Refresh coin 1");
        String c2 = TestData.coin("Refresh coin 2");
        String c3 = TestData.coin("Refresh coin 3");
        String c4 = TestData.coin("Refresh coin 4");
        coin1 = c1;
        price(c1, "MS65", daysAgo(10), "100.00", "90.00");
        price(c1, "MS65", daysAgo(1), "120.00", "110.50");
        price(c2, "AU55", daysAgo(30), "70.00", "65.00");
        price(c2, "AU55", daysAgo(3), "75.25", null);
        price(c3, "MS64", daysAgo(1), "500.00", "450.00");
        price(c4, "PR69", daysAgo(20), null, "40.00");
        price(c4, "PR69", daysAgo(2), null, null);
        item(a, "refresh-01", "NUMISMATIC", c1, "MS65", "guide_price");
        item(b, "refresh-02", "NUMISMATIC", c1, "MS65", "guide_price");
        TestData.update("UPDATE collection_items SET numismatic_value = 110.50 WHERE id = 'refresh-02'");
        item(c, "refresh-03", "NUMISMATIC", c2, "~AU55", "guide_price");
        item(a, "refresh-04", "NUMISMATIC", c2, "AU55", "guide_price");
        item(b, "refresh-05", "NUMISMATIC", c4, "PR69", "guide_price");
        item(c, "refresh-06", "NUMISMATIC", c1, "~MS65", "guide_price");
        item(a, "refresh-07", "NUMISMATIC", c3, "MS63", "guide_price");
        item(a, "refresh-08", "NUMISMATIC", c1, "MS65", "custom");
        item(b, "refresh-09", "NUMISMATIC", c1, null, "guide_price");
        item(c, "refresh-10", "BULLION", null, null, "spot_premium");
        item(c, "refresh-11", "NUMISMATIC", null, "MS65", "guide_price");
    }

    private static void item(String user, String id, String category, String coin, String grade, String bookValueType) {
        TestData.item(user, id, category, coin, grade, "t " + id, bookValueType);
    }

    static BigDecimal value(String itemId) {
        return TestData.decimal("SELECT numismatic_value FROM collection_items WHERE id = ?", itemId);
    }

    /** Every history row: [item_id, price_date, value, value_type, source], by item. */
    static List<List<Object>> history() {
        return TestData.rows("SELECT item_id, price_date, value, value_type, source FROM item_value_history ORDER BY item_id, price_date");
    }

    static long historyRows() {
        return TestData.count("SELECT count(*) FROM item_value_history");
    }

    static void awaitActiveStatement(String prefix) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (activeStatements(prefix) > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no active statement like " + prefix);
    }

    static void awaitNoActiveStatement(String prefix) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && activeStatements(prefix) > 0) {
            Thread.sleep(50);
        }
    }

    private static long activeStatements(String prefix) {
        return TestData.count("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND datname = current_database() "
                + "AND query LIKE ?", prefix + "%");
    }

    /** The value of one Prometheus sample from /q/metrics, 0 when it is not there yet. */
    static double metric(String name, String... labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
