package io.bulliontracker.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/** A coin reference as clients see it; {@code prices} only on the single-coin lookup. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Coin(String id, int pcgsNumber, Integer ngcNumber, int year, String mintMark, String denomination,
        String series, String variety, String metal, BigDecimal weightOz, BigDecimal fineness, Long mintage,
        String fullName, List<LatestGradePrice> prices) {

    public Coin withPrices(List<LatestGradePrice> latest) {
        return new Coin(id, pcgsNumber, ngcNumber, year, mintMark, denomination, series, variety, metal, weightOz,
                fineness, mintage, fullName, latest);
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LatestGradePrice(String gradeCode, BigDecimal pcgsPrice, BigDecimal greysheetPrice, String priceDate) {
    }
}
