package io.bulliontracker.catalog;

import java.math.BigDecimal;

/** One price-guide row to upsert; the coin is named by PCGS number or by coin reference id. */
public record PriceRowInput(Integer pcgsNumber, String coinReferenceId, String gradeCode, String priceDate,
        BigDecimal pcgsPrice, BigDecimal greysheetPrice) {
}
