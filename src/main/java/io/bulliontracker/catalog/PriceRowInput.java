package io.bulliontracker.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.bulliontracker.common.PlausibleDate;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One price-guide row to upsert; the coin is named by PCGS number or by coin reference id. The
 * constraints are checked row by row by {@link PriceGuide}, so a refused import names each bad row by
 * index; rules that need the database (a known coin, a valid grade) are checked there too.
 * {@code priceDate} stays text so that a bad date is that row's reason, not a failure of the whole body.
 */
public record PriceRowInput(
        @Min(value = 1, message = Limits.PCGS_NUMBER) Integer pcgsNumber,
        @Pattern(regexp = Limits.NO_NUL, message = Limits.NUL) String coinReferenceId,
        @Schema(description = "A code from /api/grades (case and spaces ignored)") String gradeCode,
        @NotNull(message = Limits.DATE) @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = Limits.DATE) @PlausibleDate
        @Schema(format = "date", description = "1900-01-01 or later, not in the future") String priceDate,
        @DecimalMin(value = "0", message = Limits.AT_LEAST_0) @DecimalMax(value = Limits.MAX_PRICE, message = Limits.AT_MOST_MAX_PRICE)
        @Digits(integer = Limits.DIGITS, fraction = Limits.DIGITS, message = Limits.DECIMAL) BigDecimal pcgsPrice,
        @DecimalMin(value = "0", message = Limits.AT_LEAST_0) @DecimalMax(value = Limits.MAX_PRICE, message = Limits.AT_MOST_MAX_PRICE)
        @Digits(integer = Limits.DIGITS, fraction = Limits.DIGITS, message = Limits.DECIMAL) BigDecimal greysheetPrice) {

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "pcgsNumber or coinReferenceId is required")
    public boolean isCoinNamed() {
        return pcgsNumber != null || coinReferenceId != null;
    }

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "at least one of pcgsPrice and greysheetPrice is required")
    public boolean isPriced() {
        return pcgsPrice != null || greysheetPrice != null;
    }
}
