package io.bulliontracker.portfolio;

import java.math.BigDecimal;

/**
 * The portfolio valued at one date. {@code timestamp} is the date's 00:00 UTC in epoch milliseconds (the
 * web chart's x axis); {@code totalValue} repeats {@code bookValue} because both clients read that name;
 * {@code bullionValue} and {@code numismaticValue} split the book value by category.
 */
public record HistoryPoint(String date, long timestamp, BigDecimal meltValue, BigDecimal bookValue,
        BigDecimal totalValue, BigDecimal bullionValue, BigDecimal numismaticValue, BigDecimal costBasis) {
}
