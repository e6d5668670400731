package io.bulliontracker.collection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The contract's US coinage table: the fine metal of a circulating US coin by its denomination, year
 * and metal, for coins whose catalog entry carries no weight and fineness of its own.
 */
final class UsCoinage {

    /** One row; {@code fineOz} is the table's own column, not grossOz × purity (they differ in the last digit). */
    record Row(Set<String> names, int fromYear, int toYear, String metal, BigDecimal purity, BigDecimal grossOz,
            BigDecimal fineOz) {

        boolean matches(String denomination, int year, String itemMetal) {
            return year >= fromYear && year <= toYear && metal.equals(itemMetal) && names.contains(denomination);
        }
    }

    private static final BigDecimal SILVER_90 = new BigDecimal("0.900");
    private static final BigDecimal GOLD_90 = new BigDecimal("0.900");

    // "$1" is also the gold dollar's denomination: the row's metal tells the 1878-1889 silver dollar
    // from the gold dollar of the same years.
    static final List<Row> ROWS = List.of(
            row(Set.of("10c", "dime", "10 cent", "10 cents"), 1892, 1964, "silver", SILVER_90, "0.0804", "0.07234"),
            row(Set.of("25c", "quarter", "25 cent", "25 cents", "quarter dollar"), 1892, 1964, "silver", SILVER_90,
                    "0.2010", "0.18084"),
            row(Set.of("50c", "half dollar", "50 cent", "50 cents", "half"), 1892, 1964, "silver", SILVER_90, "0.4019",
                    "0.36169"),
            row(Set.of("50c", "half dollar", "50 cent", "50 cents", "half", "kennedy"), 1965, 1970, "silver",
                    new BigDecimal("0.400"), "0.36975", "0.14792"),
            row(Set.of("$1", "dollar", "1 dollar", "morgan", "peace"), 1878, 1935, "silver", SILVER_90, "0.8594",
                    "0.77344"),
            row(Set.of("5c", "nickel", "5 cent", "5 cents", "war nickel"), 1942, 1945, "silver", new BigDecimal("0.350"),
                    "0.16075", "0.05626"),
            row(Set.of("$1 gold", "gold dollar", "$1"), 1849, 1889, "gold", GOLD_90, "0.05376", "0.04837"),
            row(Set.of("$2.50", "$2 1/2", "quarter eagle"), 1796, 1929, "gold", GOLD_90, "0.13438", "0.12094"),
            row(Set.of("$3", "three dollar"), 1854, 1889, "gold", GOLD_90, "0.16124", "0.14512"),
            row(Set.of("$5", "half eagle", "five dollar"), 1795, 1929, "gold", GOLD_90, "0.26875", "0.24187"),
            row(Set.of("$10", "eagle", "ten dollar"), 1795, 1933, "gold", GOLD_90, "0.53750", "0.48375"),
            row(Set.of("$20", "double eagle", "twenty dollar"), 1850, 1933, "gold", GOLD_90, "1.07500", "0.96750"));

    private UsCoinage() {
    }

    /** The row for a coin's denomination (any listed name, case and spacing ignored) and year, of the item's metal. */
    static Optional<Row> find(String denomination, Integer year, String metal) {
        if (denomination == null || year == null || metal == null) {
            return Optional.empty();
        }
        String name = denomination.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return ROWS.stream().filter(row -> row.matches(name, year, metal)).findFirst();
    }

    private static Row row(Set<String> names, int from, int to, String metal, BigDecimal purity, String gross,
            String fine) {
        return new Row(names, from, to, metal, purity, new BigDecimal(gross), new BigDecimal(fine));
    }
}
