package io.bulliontracker.collection;

import java.math.BigDecimal;

/** What an item takes from its coin reference: the id it stores, a default metal, metal content, title parts. */
record CoinFacts(String id, int pcgsNumber, int year, String denomination, String series, String metal,
        BigDecimal weightOz, BigDecimal fineness) {
}
