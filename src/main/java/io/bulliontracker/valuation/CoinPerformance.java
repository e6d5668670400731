package io.bulliontracker.valuation;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One coin of the performance report. {@code priceOneMonthAgo} keeps the old clients' name for the price at the cut-off. */
@Schema(description = "One item's guide price now and at the start of the period")
public record CoinPerformance(
        @Schema(description = "The collection item's id") String id,
        @Schema(description = "The item's title, else the coin's full name, else Unknown Coin") String title,
        @Schema(description = "The item's grade as stored (~ marks an estimated grade)", example = "MS65") String grade,
        String coinReferenceId,
        @Schema(description = "Latest guide price", example = "2450.00") BigDecimal currentPrice,
        @Schema(description = "Guide price at the start of the period (whatever days was asked; the name is the old clients')",
                example = "2300.00") BigDecimal priceOneMonthAgo,
        @Schema(description = "currentPrice - priceOneMonthAgo", example = "150.00") BigDecimal change,
        @Schema(description = "change / priceOneMonthAgo x 100, 0 when that price is not positive", example = "6.52")
        BigDecimal changePercent,
        @Schema(description = "Where the current price comes from", enumeration = {"PCGS", "GREYSHEET"}) String priceSource) {
}
