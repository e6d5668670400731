package io.bulliontracker.catalog;

import java.math.BigDecimal;

public record PriceGuideRow(String coinReferenceId, int pcgsNumber, String gradeCode, String priceDate,
        BigDecimal pcgsPrice, BigDecimal greysheetPrice, String priceSource) {
}
