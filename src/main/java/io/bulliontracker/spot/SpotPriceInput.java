package io.bulliontracker.spot;

import java.math.BigDecimal;

/** One spot price to import; {@code observedAt} (ISO-8601) defaults to now, {@code source} to {@code import}. */
public record SpotPriceInput(String metal, BigDecimal pricePerOz, String observedAt, String source) {
}
