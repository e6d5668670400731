package io.bulliontracker.collection;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** The body of a create, and of a PATCH once merged over the stored item. */
public record ItemInput(String category, String type, String title, String metal, Integer quantity,
        BigDecimal weightOz, BigDecimal metalPurity, BigDecimal metalWeightOz, BigDecimal preciousMetalOz,
        String coinReferenceId, Integer pcgsNumber, String certNumber, String grade, String gradingService,
        @JsonProperty("isProblemCoin") Boolean isProblemCoin, String problemType,
        @JsonProperty("isGradeEstimated") Boolean isGradeEstimated, String notes, String bookValueType,
        BigDecimal customBookValue, BigDecimal premiumPercent, BigDecimal numismaticValue, String confidenceLevel,
        BigDecimal spotPriceAtCreation, String purchaseDate, BigDecimal purchasePrice) {
}
