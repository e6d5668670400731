package io.bulliontracker.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The clients' price lookup ({@code GET /api/coins/price-guide?coinReferenceId=&grade=}): the latest
 * priced row of a coin in a grade, priced PCGS first, else greysheet. Registered for reflection because
 * the route answers one of two shapes, so its declared type cannot name this one.
 */
@RegisterForReflection
@Schema(description = "The latest priced row: PCGS price, else greysheet")
public record LatestPrice(BigDecimal price, @Schema(format = "date") String priceDate,
        @Schema(enumeration = "high") String confidenceLevel) {

    public LatestPrice(BigDecimal price, String priceDate) {
        this(price, priceDate, "high");
    }
}
