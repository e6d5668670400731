package io.bulliontracker.catalog;

import java.math.BigDecimal;

/** One coin of an upsert; validated by {@link CoinValidator}, keyed by its PCGS number. */
public record CoinInput(Integer pcgsNumber, Integer ngcNumber, Integer year, String mintMark, String denomination,
        String series, String variety, String metal, BigDecimal weightOz, BigDecimal fineness, Long mintage,
        String fullName) {
}
