package io.bulliontracker.collection;

import java.math.BigDecimal;

/** One day of an item's value history. */
public record ValuePoint(String priceDate, BigDecimal value, String valueType, String source) {
}
