package io.bulliontracker.spot;

import io.bulliontracker.common.ApiException;
import io.bulliontracker.common.DatabaseDeadline;
import io.bulliontracker.common.Envelope;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Spot prices. The reads are public market data (the mobile client calls them without a token, and an
 * Authorization header is not looked at); the import is for admins.
 */
@Path("/api/prices")
@Produces(MediaType.APPLICATION_JSON)
public class SpotPriceResource {

    static final int DEFAULT_HISTORY_DAYS = 30;
    static final int MAX_HISTORY_YEARS = 10;

    private final SpotPrices prices;
    private final SpotPriceImport imports;
    private final DatabaseDeadline deadline;
    private final Clock clock;

    public SpotPriceResource(SpotPrices prices, SpotPriceImport imports, DatabaseDeadline deadline, Clock clock) {
        this.prices = prices;
        this.imports = imports;
        this.deadline = deadline;
        this.clock = clock;
    }

    @GET
    @PermitAll
    public Uni<Envelope<LatestSpotPrices>> latest() {
        return deadline.bound(prices.latest()).map(Envelope::of);
    }

    /**
     * Stored rows of one metal, oldest first. {@code endDate} defaults to today (UTC), {@code startDate}
     * to 30 days before {@code endDate}; both days are included.
     */
    @GET
    @Path("history")
    @PermitAll
    public Uni<Envelope<List<SpotPricePoint>>> history(@RestQuery("metal") String metal,
            @RestQuery("startDate") LocalDate startDate, @RestQuery("endDate") LocalDate endDate) {
        if (metal == null || metal.isBlank()) {
            throw ApiException.invalidField("metal", "is required: one of " + String.join(", ", SpotMetal.NAMES));
        }
        SpotMetal spotMetal = SpotMetal.named(metal).orElseThrow(() -> ApiException.invalidField("metal",
                "must be one of " + String.join(", ", SpotMetal.NAMES)));
        LocalDate end = endDate == null ? LocalDate.now(clock) : inRange("endDate", endDate);
        LocalDate start = startDate == null ? end.minusDays(DEFAULT_HISTORY_DAYS) : inRange("startDate", startDate);
        if (start.isAfter(end)) {
            throw ApiException.invalidField("startDate", "must not be after endDate");
        }
        if (start.isBefore(end.minusYears(MAX_HISTORY_YEARS))) {
            throw ApiException.invalidField("startDate", "the range may span at most " + MAX_HISTORY_YEARS + " years");
        }
        return deadline.bound(prices.history(spotMetal, start, end)).map(Envelope::of);
    }

    /** A date PostgreSQL can hold and the range arithmetic cannot overflow ({@code +999999999-12-31} parses). */
    private static LocalDate inRange(String name, LocalDate day) {
        if (day.getYear() < SpotPriceImport.EARLIEST_YEAR || day.getYear() > 9999) {
            throw ApiException.invalidField(name, "must be a date from " + SpotPriceImport.EARLIEST_YEAR
                    + "-01-01 to 9999-12-31");
        }
        return day;
    }

    @GET
    @Path("performance")
    @PermitAll
    public Uni<Envelope<MetalPerformanceReport>> performance(
            @RestQuery("days") @DefaultValue("30") @Min(value = 1, message = "must be an integer from 1 to 3650")
            @Max(value = 3650, message = "must be an integer from 1 to 3650") int days) {
        return deadline.bound(prices.performance(days)).map(Envelope::of);
    }

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope<Map<String, Integer>>> importJson(List<SpotPriceInput> rows) {
        return deadline.transaction(expired -> imports.importRows(rows, null, expired))
                .map(n -> Envelope.of(Map.of("upserted", n)));
    }

    @POST
    @RolesAllowed("admin")
    @Consumes("text/csv")
    public Uni<Envelope<Map<String, Integer>>> importCsv(String csv) {
        CsvSpotRows.Parsed parsed = CsvSpotRows.parse(csv);
        return deadline.transaction(expired -> imports.importRows(parsed.rows(), parsed.problems(), expired))
                .map(n -> Envelope.of(Map.of("upserted", n)));
    }
}
