package io.bulliontracker.catalog;

import io.bulliontracker.common.RowErrors;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * One coin of an upsert, keyed by its PCGS number. The constraints are checked row by row by
 * {@link CoinCatalog#validate}, so a refused batch names each bad row by index (see {@link RowErrors}).
 */
public record CoinInput(
        @NotNull(message = Limits.PCGS_NUMBER) @Min(value = 1, message = Limits.PCGS_NUMBER) Integer pcgsNumber,
        @Min(value = 1, message = "must be a positive integer") Integer ngcNumber,
        @NotNull(message = Limits.YEAR) @Min(value = 1, message = Limits.YEAR) @Max(value = 9999, message = Limits.YEAR)
        Integer year,
        @Size(max = Limits.TEXT, message = Limits.TEXT_SIZE) @Pattern(regexp = Limits.NO_NUL, message = Limits.NUL)
        String mintMark,
        @NotBlank(message = Limits.REQUIRED) @Size(max = Limits.TEXT, message = Limits.TEXT_SIZE)
        @Pattern(regexp = Limits.NO_NUL, message = Limits.NUL) String denomination,
        @NotBlank(message = Limits.REQUIRED) @Size(max = Limits.TEXT, message = Limits.TEXT_SIZE)
        @Pattern(regexp = Limits.NO_NUL, message = Limits.NUL) String series,
        @Size(max = Limits.TEXT, message = Limits.TEXT_SIZE) @Pattern(regexp = Limits.NO_NUL, message = Limits.NUL)
        String variety,
        @Size(max = Limits.TEXT, message = Limits.TEXT_SIZE) @Pattern(regexp = Limits.NO_NUL, message = Limits.NUL)
        String metal,
        @DecimalMin(value = "0", message = Limits.AT_LEAST_0)
        @Digits(integer = Limits.DIGITS, fraction = Limits.DIGITS, message = Limits.DECIMAL) BigDecimal weightOz,
        // A fraction of the weight (0.900): precious metal content is weightOz × fineness.
        @DecimalMin(value = "0", message = Limits.FRACTION) @DecimalMax(value = "1", message = Limits.FRACTION)
        @Digits(integer = Limits.DIGITS, fraction = Limits.DIGITS, message = Limits.DECIMAL) BigDecimal fineness,
        @Min(value = 0, message = Limits.AT_LEAST_0) Long mintage,
        @NotBlank(message = Limits.REQUIRED) @Size(max = Limits.TEXT, message = Limits.TEXT_SIZE)
        @Pattern(regexp = Limits.NO_NUL, message = Limits.NUL) String fullName) {
}
