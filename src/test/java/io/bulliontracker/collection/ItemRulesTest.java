package io.bulliontracker.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulliontracker.common.ApiException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The item rules as pure functions, without a running service. */
class ItemRulesTest {

    private static final Set<String> CODES = Set.of("MS65", "MS63", "PR69", "AU58", "G04");
    private static final CoinFacts MORGAN = new CoinFacts("coin-1", 7172, 1881, "$1", "Morgan Dollar", "silver",
            new BigDecimal("0.8594"), new BigDecimal("0.9"));
    private static final CoinFacts DIME_WITHOUT_WEIGHT = new CoinFacts("coin-2", 5000, 1964, "10C", "Roosevelt Dime",
            "silver", null, null);

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @ParameterizedTest(name = "{0} (flag {1}) -> {2}")
    @CsvSource(nullValues = "null", value = {
            "MS65, null, MS65",
            "ms 65, null, MS65",
            "' m s65 ', null, MS65",
            "~MS65, null, ~MS65",
            "~~MS65, null, ~MS65",
            "~ ~ ms65, null, ~MS65",
            "~MS65, true, ~MS65",
            "~MS65, false, MS65",
            "MS65, true, ~MS65",
            "MS65+, null, MS65+",
            "~PR69DCAM, null, ~PR69DCAM",
            "pr69dcam, false, pr69dcam",
            "~, null, null",
            "~, true, null"})
    void gradesAreNormalisedAndMarkedOnce(String raw, Boolean flag, String stored) {
        ItemRules.GradeMark grade = ItemRules.grade(raw, flag, CODES);
        assertEquals(stored, grade.stored());
    }

    @Test
    void aGradeWithoutTextIsNeverEstimated() {
        CollectionItem item = new CollectionItem();
        ItemInput in = new ItemInput("NUMISMATIC", null, null, "silver", null, null, null, null, null, null, null, null,
                "~", null, null, null, true, null, "custom", dec("1"), null, null, null, null, null, null, null);
        ItemRules.apply(in, null, CODES, new ItemRules.Change(true, true), item);
        assertNull(item.grade);
        assertFalse(item.isGradeEstimated);
    }

    @ParameterizedTest
    @CsvSource({"90, 0.9", "100, 1", "1, 1", "0.999, 0.999", "1.5, 0.015", "0, 0", "91.67, 0.9167"})
    void purityOverOneIsAPercent(String sent, String stored) {
        assertEquals(0, dec(stored).compareTo(ItemRules.fraction(dec(sent))));
    }

    @ParameterizedTest
    @CsvSource({
            "2024-02-29, 2024-02-29",
            "2025-01-15T00:00:00.000Z, 2025-01-15",
            "2025-01-15T23:30:00-05:00, 2025-01-16",
            "2025-01-15T01:00:00+02:00, 2025-01-14",
            "2025-01-15T12:00:00, 2025-01-15",
            "' 2024-06-01 ', 2024-06-01"})
    void purchaseDatesKeepTheirUtcDate(String sent, LocalDate stored) {
        assertEquals(stored, ItemRules.purchaseDate(sent));
    }

    @ParameterizedTest
    @ValueSource(strings = {"last year", "2024-13-01", "2024-02-30", "01/02/2024", "2025-01-15T25:00:00Z", "20240101"})
    void otherPurchaseDatesAreRefused(String sent) {
        assertThrows(DateTimeParseException.class, () -> ItemRules.purchaseDate(sent));
    }

    @Test
    void blankPurchaseDateIsNone() {
        assertNull(ItemRules.purchaseDate(""));
        assertNull(ItemRules.purchaseDate(null));
    }

    @Test
    void metalContentComesFromTheCoinFirst() {
        ItemRules.MetalContent content = ItemRules.metalContent(MORGAN, "silver", dec("2"), dec("0.5"));
        assertEquals(0, dec("0.8594").compareTo(content.metalWeightOz()));
        assertEquals(0, dec("0.9").compareTo(content.metalPurity()));
        // 0.8594 × 0.9 = 0.77346 (the table's 0.77344 is for coins without weight and fineness)
        assertEquals(0, dec("0.77346").compareTo(content.preciousMetalOz()));
    }

    @Test
    void metalContentFallsBackToTheCoinageTableForTheItemsMetal() {
        ItemRules.MetalContent content = ItemRules.metalContent(DIME_WITHOUT_WEIGHT, "silver", null, null);
        assertEquals(0, dec("0.0804").compareTo(content.metalWeightOz()));
        assertEquals(0, dec("0.900").compareTo(content.metalPurity()));
        assertEquals(0, dec("0.07234").compareTo(content.preciousMetalOz()));
        // A copper item of the same coin is not in the table: its own weight × purity counts.
        ItemRules.MetalContent own = ItemRules.metalContent(DIME_WITHOUT_WEIGHT, "copper", dec("0.0735"), dec("0.95"));
        assertEquals(dec("0.069825"), own.preciousMetalOz());
    }

    @Test
    void metalContentOfAnItemWithoutCoinIsWeightTimesPurityToSixDecimals() {
        assertEquals(dec("0.723375"), ItemRules.metalContent(null, "gold", dec("0.80375"), dec("0.9")).preciousMetalOz());
        // 1.2345678 × 0.333 = 0.4111110774 → 0.411111
        assertEquals(dec("0.411111"), ItemRules.metalContent(null, "gold", dec("1.2345678"), dec("0.333")).preciousMetalOz());
        assertNull(ItemRules.metalContent(null, "gold", dec("1"), null));
        assertNull(ItemRules.metalContent(null, "gold", null, dec("0.9")));
    }

    @Test
    void titlesOfCoinItems() {
        assertEquals("1881 PCGS MS65 $1 Morgan Dollar", ItemRules.title(MORGAN, "PCGS", "MS65"));
        assertEquals("1881 RAW ~MS63 $1 Morgan Dollar", ItemRules.title(MORGAN, null, "~MS63"));
        assertEquals("1964 NGC 10C Roosevelt Dime", ItemRules.title(DIME_WITHOUT_WEIGHT, "NGC", null));
        CoinFacts longSeries = new CoinFacts("c", 1, 1900, "1C", "s".repeat(400), "copper", null, null);
        assertEquals(300, ItemRules.title(longSeries, "PCGS", "MS65").length());
    }

    @Test
    void applyBuildsTitleDerivesContentAndDefaultsTheMetal() {
        CollectionItem item = new CollectionItem();
        ItemInput in = new ItemInput("NUMISMATIC", null, null, null, null, null, null, null, null, "coin-1", null,
                "12345678", "ms 65", "PCGS", null, null, null, null, "guide_price", null, null, null, null, null, null,
                null, null);
        ItemRules.apply(in, MORGAN, CODES, new ItemRules.Change(true, true), item);
        assertEquals("1881 PCGS MS65 $1 Morgan Dollar", item.title);
        assertEquals("silver", item.metal);
        assertEquals("MS65", item.grade);
        assertEquals(1, item.quantity);
        assertEquals(0, dec("0.77346").compareTo(item.preciousMetalOz));
        assertEquals("coin-1", item.coinReferenceId);
    }

    @Test
    void givenPreciousMetalOuncesAreKept() {
        CollectionItem item = new CollectionItem();
        ItemInput in = new ItemInput("NUMISMATIC", null, "Mine", "silver", 2, null, dec("90"), dec("1"), dec("0.5"),
                null, null, null, null, null, null, null, null, null, "custom", dec("10"), null, null, null, null,
                "2025-01-15T00:00:00.000Z", null, null);
        ItemRules.apply(in, null, Set.of(), new ItemRules.Change(false, true), item);
        assertEquals(dec("0.5"), item.preciousMetalOz);
        assertEquals(0, dec("0.9").compareTo(item.metalPurity));
        assertEquals(LocalDate.of(2025, 1, 15), item.purchaseDate);
    }

    @Test
    void guidePriceNeedsAGradeCode() {
        CollectionItem item = new CollectionItem();
        ApiException refused = assertThrows(ApiException.class, () -> ItemRules.apply(
                input("NUMISMATIC", "guide_price", "coin-1", "MS65+", null), MORGAN, CODES, new ItemRules.Change(true, true), item));
        assertEquals("grade", refused.details().get("field"));
        assertTrue(refused.getMessage().startsWith("Invalid grade"));
    }

    @Test
    void aCoinWithoutAKnownMetalCannotDefaultIt() {
        CoinFacts noMetal = new CoinFacts("c", 1, 1900, "1C", "S", null, null, null);
        ApiException refused = assertThrows(ApiException.class, () -> ItemRules.apply(
                input("NUMISMATIC", "custom", "c", null, null), noMetal, CODES, new ItemRules.Change(true, true),
                new CollectionItem()));
        assertEquals("metal", refused.details().get("field"));
    }

    private static ItemInput input(String category, String bookValueType, String coinId, String grade, Boolean estimated) {
        return new ItemInput(category, null, null, null, null, null, null, null, null, coinId, null, null, grade, null,
                null, null, estimated, null, bookValueType, dec("1"), null, null, null, null, null, null, null);
    }
}
