package io.bulliontracker.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The contract's US coinage table, row by row, without a running service. */
class UsCoinageTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "10C, 1964, silver, 0.07234",
            "Dime, 1892, silver, 0.07234",
            "10 cents, 1950, silver, 0.07234",
            "10  Cent, 1950, silver, 0.07234",
            "25C, 1932, silver, 0.18084",
            "Quarter Dollar, 1964, silver, 0.18084",
            "50C, 1964, silver, 0.36169",
            "Half, 1900, silver, 0.36169",
            "50C, 1965, silver, 0.14792",
            "Kennedy, 1970, silver, 0.14792",
            "$1, 1881, silver, 0.77344",
            "Morgan, 1921, silver, 0.77344",
            "PEACE, 1935, silver, 0.77344",
            "5C, 1943, silver, 0.05626",
            "War Nickel, 1945, silver, 0.05626",
            "$1 gold, 1849, gold, 0.04837",
            "$1, 1880, gold, 0.04837",
            "Gold Dollar, 1889, gold, 0.04837",
            "$2.50, 1796, gold, 0.12094",
            "$2 1/2, 1929, gold, 0.12094",
            "Quarter Eagle, 1900, gold, 0.12094",
            "$3, 1854, gold, 0.14512",
            "Three Dollar, 1889, gold, 0.14512",
            "$5, 1795, gold, 0.24187",
            "Half Eagle, 1929, gold, 0.24187",
            "$10, 1933, gold, 0.48375",
            "Eagle, 1800, gold, 0.48375",
            "$20, 1850, gold, 0.96750",
            "Double Eagle, 1933, gold, 0.96750"})
    void findsTheFineOuncesOfEachRow(String denomination, int year, String metal, String fineOz) {
        UsCoinage.Row row = UsCoinage.find(denomination, year, metal).orElseThrow();
        assertEquals(0, new BigDecimal(fineOz).compareTo(row.fineOz()));
    }

    @ParameterizedTest(name = "{0} {1} {2} has no row")
    @CsvSource({
            "10C, 1965, silver",        // clad from 1965
            "10C, 1891, silver",
            "10C, 1950, copper",        // the row's metal must be the item's
            "50C, 1971, silver",
            "$1, 1936, silver",
            "$1, 1890, gold",           // the gold dollar ended in 1889
            "$1 gold, 1880, silver",
            "5C, 1946, silver",
            "$20, 1934, gold",
            "1C, 1909, copper",
            "Dollar coin, 1921, silver"})
    void findsNothingOutsideTheTable(String denomination, int year, String metal) {
        assertTrue(UsCoinage.find(denomination, year, metal).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"10C, 1964, silver, 0.0804, 0.900", "50C, 1967, silver, 0.36975, 0.400", "$20, 1904, gold, 1.07500, 0.900"})
    void givesGrossWeightAndPurityToo(String denomination, int year, String metal, String grossOz, String purity) {
        UsCoinage.Row row = UsCoinage.find(denomination, year, metal).orElseThrow();
        assertEquals(0, new BigDecimal(grossOz).compareTo(row.grossOz()));
        assertEquals(0, new BigDecimal(purity).compareTo(row.purity()));
    }
}
