package io.bulliontracker.portfolio;

import io.bulliontracker.testing.TestData;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A collection item written straight into the stored columns the valuation reads, so each test states
 * exactly the metal content it reasons about (the service's own derivation of those columns is another
 * feature's business).
 */
final class Holding {

    private final Map<String, Object> columns = new LinkedHashMap<>();

    private Holding(String user, String category, String metal, String bookValueType) {
        columns.put("id", "item-" + UUID.randomUUID());
        columns.put("user_id", user);
        columns.put("category", category);
        columns.put("metal", metal);
        columns.put("book_value_type", bookValueType);
    }

    static Holding bullion(String user, String metal, String bookValueType, String weightOz) {
        Holding holding = new Holding(user, "BULLION", metal, bookValueType);
        holding.columns.put("type", "itemized");
        return holding.set("weight_oz", weightOz);
    }

    static Holding numismatic(String user, String metal, String bookValueType) {
        return new Holding(user, "NUMISMATIC", metal, bookValueType);
    }

    Holding quantity(int quantity) {
        columns.put("quantity", quantity);
        return this;
    }

    Holding premiumPercent(String value) {
        return set("premium_percent", value);
    }

    Holding purchasePrice(String value) {
        return set("purchase_price", value);
    }

    Holding spotPriceAtCreation(String value) {
        return set("spot_price_at_creation", value);
    }

    Holding preciousMetalOz(String value) {
        return set("precious_metal_oz", value);
    }

    Holding metalWeight(String metalWeightOz, String purity) {
        set("metal_weight_oz", metalWeightOz);
        return set("metal_purity", purity);
    }

    Holding guideValue(String value) {
        return set("numismatic_value", value);
    }

    Holding customValue(String value) {
        return set("custom_book_value", value);
    }

    Holding coin(String coinId) {
        columns.put("coin_reference_id", coinId);
        return this;
    }

    String insert() {
        String names = String.join(", ", columns.keySet());
        String marks = columns.keySet().stream().map(c -> "?").collect(Collectors.joining(", "));
        TestData.update("INSERT INTO collection_items (" + names + ") VALUES (" + marks + ")", columns.values().toArray());
        return (String) columns.get("id");
    }

    private Holding set(String column, String decimal) {
        columns.put(column, new BigDecimal(decimal));
        return this;
    }

    /** A coin reference of the given series (what {@code numismaticBySeries} groups by). */
    static String coinOfSeries(String series) {
        String id = "coin-" + UUID.randomUUID();
        TestData.update("INSERT INTO coin_references (id, pcgs_number, year, denomination, series, full_name) "
                + "VALUES (?, ?, 1924, '$20', ?, ?)", id, TestData.nextPcgsNumber(), series, "1924 " + series);
        return id;
    }

    static void valueHistory(String itemId, String date) {
        TestData.update("INSERT INTO item_value_history (item_id, price_date, value, value_type, source) "
                + "VALUES (?, ?::date, 1, 'guide_price', 'pcgs')", itemId, date);
    }
}
