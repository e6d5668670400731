package io.bulliontracker.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The two answers of {@code GET /api/coins/price-guide}, one per form of its query. Registered for
 * reflection because the route's declared type cannot name either.
 */
final class PriceGuideAnswers {

    private PriceGuideAnswers() {
    }

    @RegisterForReflection
    @Schema(name = "PriceGuideHistory", description = "?pcgsNumber=|coinReferenceId= with gradeCode, from, to: "
            + "the coin's rows, ascending by date")
    public record History(boolean success, List<PriceGuideRow> data) {
    }

    /** {@code data} is written even when null: the clients read {@code data: null} as "no price". */
    @RegisterForReflection
    @Schema(name = "PriceGuideLatest", description = "?coinReferenceId=&grade= (the clients' form): the latest "
            + "priced row, or data null when there is none or the grade is not a code")
    public record Latest(boolean success, @Schema(nullable = true) LatestPrice data) {
    }
}
