package io.bulliontracker.spot;

import java.math.BigDecimal;

/** One stored observation: {@code timestamp} ISO-8601 in UTC. */
public record SpotPricePoint(String timestamp, BigDecimal price) {
}
