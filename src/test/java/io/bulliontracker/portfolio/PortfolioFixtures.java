package io.bulliontracker.portfolio;

import io.bulliontracker.testing.TestData;

/** Collections of any size, written set-based so that 10,000 items take a moment. */
final class PortfolioFixtures {

    private PortfolioFixtures() {
    }

    /**
     * {@code n} items of {@code user} cycling through both categories, all five metals, the three valuation
     * types, quantities 1..3, with and without a purchase price, and a coin (of its own series) on every
     * third numismatic item.
     */
    static void mixedCollection(String user, int n) {
        String prefix = user + "-";
        TestData.update("""
                INSERT INTO coin_references (id, pcgs_number, year, denomination, series, full_name)
                SELECT ? || 'coin-' || g, ? + g, 1900 + g % 100, '$1', 'Series ' || g % 7, 'Coin ' || g
                FROM generate_series(1, ?) AS g WHERE g % 6 = 1""", prefix, TestData.nextPcgsNumber() * 100, n);
        TestData.update("""
                INSERT INTO collection_items (id, user_id, category, type, metal, quantity, weight_oz, precious_metal_oz,
                                              metal_weight_oz, metal_purity, book_value_type, numismatic_value,
                                              custom_book_value, premium_percent, purchase_price, spot_price_at_creation,
                                              coin_reference_id)
                SELECT ? || 'item-' || lpad(g::text, 6, '0'), ?,
                       CASE WHEN g % 2 = 0 THEN 'BULLION' ELSE 'NUMISMATIC' END,
                       CASE WHEN g % 2 = 0 THEN 'bulk' END,
                       (ARRAY['gold', 'silver', 'platinum', 'palladium', 'copper'])[1 + g % 5],
                       1 + g % 3,
                       CASE WHEN g % 2 = 0 THEN 1.0 END,
                       CASE WHEN g % 4 = 1 THEN 0.77344 END,
                       CASE WHEN g % 4 = 3 THEN 0.8594 END,
                       CASE WHEN g % 4 = 3 THEN 0.9 END,
                       (ARRAY['spot_premium', 'guide_price', 'custom'])[1 + g % 3],
                       CASE WHEN g % 7 <> 0 THEN 40.25 END,
                       125.50,
                       CASE WHEN g % 5 <> 0 THEN 4.5 END,
                       CASE WHEN g % 4 = 0 THEN 99.99 END,
                       CASE WHEN g % 8 = 2 THEN 1900.00 END,
                       CASE WHEN g % 6 = 1 THEN ? || 'coin-' || g END
                FROM generate_series(1, ?) AS g""", prefix, user, prefix, n);
    }
}
