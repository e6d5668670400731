package io.bulliontracker.collection;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * An item as clients see it (the old app's camelCase fields); money rounded half-up to cents.
 * {@code images} is always an array (the web client maps it on every item). {@code certificationNumber}
 * repeats {@code certNumber} under the name the mobile client reads and sends back.
 */
public record ItemView(String id, String category, String type, String title, String metal, int quantity,
        BigDecimal weightOz, BigDecimal metalPurity, BigDecimal metalWeightOz, BigDecimal preciousMetalOz,
        String coinReferenceId, String certNumber, String certificationNumber, String grade, String gradingService,
        @JsonProperty("isProblemCoin") boolean isProblemCoin, String problemType,
        @JsonProperty("isGradeEstimated") boolean isGradeEstimated, String notes, String bookValueType,
        BigDecimal customBookValue, BigDecimal premiumPercent, BigDecimal numismaticValue, String confidenceLevel,
        BigDecimal spotPriceAtCreation, String purchaseDate, BigDecimal purchasePrice, List<Image> images,
        String createdAt, String updatedAt) {

    /** One image; {@code order} is its place in the list as the client sent it, from 0. */
    public record Image(String id, String url, int order) {
    }

    static ItemView of(CollectionItem i, List<Image> images) {
        return new ItemView(i.id, i.category, i.type, i.title, i.metal, i.quantity, i.weightOz, i.metalPurity,
                i.metalWeightOz, i.preciousMetalOz, i.coinReferenceId, i.certNumber, i.certNumber, i.grade,
                i.gradingService, i.isProblemCoin, i.problemType, i.isGradeEstimated, i.notes, i.bookValueType,
                cents(i.customBookValue), i.premiumPercent, cents(i.numismaticValue), i.confidenceLevel,
                cents(i.spotPriceAtCreation), i.purchaseDate == null ? null : i.purchaseDate.toString(),
                cents(i.purchasePrice), images == null ? List.of() : images, i.createdAt.toString(),
                i.updatedAt.toString());
    }

    private static BigDecimal cents(BigDecimal money) {
        return money == null ? null : money.setScale(2, RoundingMode.HALF_UP);
    }
}
