package io.bulliontracker.collection;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.bulliontracker.common.PlausibleDate;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * The body of a create, and of a PUT/PATCH once laid over the stored item: both are checked by these
 * constraints, so an update can never leave an item a create would refuse. Rules that need the
 * database (a known coin, a grade code for guide_price items) are the service's.
 * <p>
 * Text is trimmed and blank text is absent ({@code ""} purchase date: none; blank title: built for a
 * coin) before the constraints run. Every decimal is bounded to 12 digits before and after the point
 * by {@code @Digits}, which looks only at precision and scale: nothing computes with a value such as
 * {@code 1e-100000000} before it is refused.
 * <p>
 * Read by hand with the ObjectMapper in the update merge, hence registered for reflection.
 */
@RegisterForReflection
@ConsistentItem
public record ItemInput(
        @NotNull(message = REQUIRED) @Pattern(regexp = "BULLION|NUMISMATIC", message = "must be one of [BULLION, NUMISMATIC]")
        String category,
        @Pattern(regexp = "itemized|bulk", message = "must be one of [bulk, itemized]")
        String type,
        @Size(max = 300, message = "must be at most 300 characters") @PlainText
        String title,
        @Pattern(regexp = "gold|silver|platinum|palladium|copper",
                message = "must be one of [copper, gold, palladium, platinum, silver]")
        String metal,
        @Min(value = 1, message = QUANTITY) @Max(value = 1_000_000, message = QUANTITY)
        Integer quantity,
        @DecimalMin(value = "0", message = AT_LEAST_0) @Digits(integer = 12, fraction = 12, message = DIGITS)
        BigDecimal weightOz,
        @DecimalMin(value = "0", message = PURITY) @DecimalMax(value = "100", message = PURITY)
        @Digits(integer = 12, fraction = 12, message = DIGITS)
        BigDecimal metalPurity,
        @DecimalMin(value = "0", message = AT_LEAST_0) @Digits(integer = 12, fraction = 12, message = DIGITS)
        BigDecimal metalWeightOz,
        @DecimalMin(value = "0", message = AT_LEAST_0) @Digits(integer = 12, fraction = 12, message = DIGITS)
        BigDecimal preciousMetalOz,
        @Size(max = 100, message = "must be at most 100 characters") @PlainText
        String coinReferenceId,
        @Min(value = 1, message = "must be a positive integer")
        Integer pcgsNumber,
        @JsonAlias("certificationNumber") @Size(max = 100, message = "must be at most 100 characters") @PlainText
        String certNumber,
        @Pattern(regexp = "~*[^\\x00]{0,20}", message = "must be at most 20 characters (a leading ~ not counted)")
        String grade,
        @Pattern(regexp = "PCGS|NGC|ANACS|ICG|RAW", message = "must be one of [ANACS, ICG, NGC, PCGS, RAW]")
        String gradingService,
        @JsonProperty("isProblemCoin")
        Boolean isProblemCoin,
        @Size(max = 300, message = "must be at most 300 characters") @PlainText
        String problemType,
        @JsonProperty("isGradeEstimated")
        Boolean isGradeEstimated,
        @Size(max = 5000, message = "must be at most 5000 characters") @PlainText
        String notes,
        @NotNull(message = REQUIRED)
        @Pattern(regexp = "spot_premium|guide_price|custom", message = "must be one of [custom, guide_price, spot_premium]")
        String bookValueType,
        @DecimalMin(value = "0", message = AT_LEAST_0) @Digits(integer = 12, fraction = 12, message = DIGITS)
        BigDecimal customBookValue,
        @DecimalMin(value = "-100", message = PREMIUM) @DecimalMax(value = "1000000", message = PREMIUM)
        @Digits(integer = 12, fraction = 12, message = DIGITS)
        BigDecimal premiumPercent,
        @DecimalMin(value = "0", message = AT_LEAST_0) @Digits(integer = 12, fraction = 12, message = DIGITS)
        BigDecimal numismaticValue,
        @Size(max = 50, message = "must be at most 50 characters") @PlainText
        String confidenceLevel,
        @DecimalMin(value = "0", message = AT_LEAST_0) @Digits(integer = 12, fraction = 12, message = DIGITS)
        BigDecimal spotPriceAtCreation,
        @PurchaseDate @PlausibleDate
        String purchaseDate,
        @DecimalMin(value = "0", message = AT_LEAST_0) @Digits(integer = 12, fraction = 12, message = DIGITS)
        BigDecimal purchasePrice,
        @Size(max = 20, message = "must hold at most 20 images") @HttpUrls
        List<String> images) {

    static final String REQUIRED = "is required";
    static final String AT_LEAST_0 = "must be at least 0";
    static final String DIGITS = "must have at most 12 digits before and 12 after the decimal point";
    static final String QUANTITY = "must be an integer from 1 to 1000000";
    static final String PURITY = "must be a fraction from 0 to 1, or a percent up to 100";
    static final String PREMIUM = "must be from -100 to 1000000";

    public ItemInput {
        category = trimmed(category);
        type = trimmed(type);
        title = trimmed(title);
        metal = trimmed(metal);
        coinReferenceId = trimmed(coinReferenceId);
        certNumber = trimmed(certNumber);
        grade = trimmed(grade);
        gradingService = trimmed(gradingService);
        problemType = trimmed(problemType);
        notes = trimmed(notes);
        bookValueType = trimmed(bookValueType);
        confidenceLevel = trimmed(confidenceLevel);
        purchaseDate = trimmed(purchaseDate);
        images = images == null ? null : images.stream().map(url -> url == null ? null : url.strip()).toList();
    }

    /** Names a coin reference, by id or by PCGS number. */
    boolean namesACoin() {
        return coinReferenceId != null || pcgsNumber != null;
    }

    private static String trimmed(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
