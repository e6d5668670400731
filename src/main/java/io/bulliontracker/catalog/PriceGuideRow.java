package io.bulliontracker.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A stored price-guide row. Registered for reflection because the read route answers one of two
 * shapes, so its declared type cannot name this one.
 */
@RegisterForReflection
public record PriceGuideRow(String coinReferenceId, int pcgsNumber, String gradeCode,
        @Schema(format = "date") String priceDate, BigDecimal pcgsPrice, BigDecimal greysheetPrice,
        @Schema(enumeration = {"pcgs", "greysheet", "both"}) String priceSource) {
}
