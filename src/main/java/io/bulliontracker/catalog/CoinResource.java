package io.bulliontracker.catalog;

import io.bulliontracker.common.ApiException;
import io.bulliontracker.common.DatabaseDeadline;
import io.bulliontracker.common.Envelope;
import io.bulliontracker.common.QueryParams;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

@Path("/api/coins")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CoinResource {

    private final CoinCatalog coins;
    private final PriceGuide priceGuide;
    private final GradeCatalog grades;
    private final DatabaseDeadline deadline;

    public CoinResource(CoinCatalog coins, PriceGuide priceGuide, GradeCatalog grades, DatabaseDeadline deadline) {
        this.coins = coins;
        this.priceGuide = priceGuide;
        this.grades = grades;
        this.deadline = deadline;
    }

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope<CoinUpsertResult>> upsert(List<CoinInput> batch) {
        CoinValidator.validate(batch);
        return deadline.transaction(expired -> coins.upsert(batch, expired)).map(Envelope::of);
    }

    @GET
    @Path("search")
    public Uni<Envelope<List<Coin>>> search(@Context UriInfo uri) {
        String q = QueryParams.raw(uri, "q");
        int limit = QueryParams.intInRange("limit", QueryParams.raw(uri, "limit"), 20, 1, 100);
        if (q == null || q.isBlank()) {
            throw ApiException.invalidField("q", "must not be blank");
        }
        if (q.length() > 200 || q.indexOf('\0') >= 0) {
            throw ApiException.invalidField("q", "must be at most 200 characters of text");
        }
        List<String> words = Arrays.stream(q.strip().split("\\s+")).limit(CoinCatalog.MAX_SEARCH_WORDS).toList();
        Integer number = q.strip().matches("\\d{1,9}") ? Integer.valueOf(q.strip()) : null;
        return deadline.bound(coins.search(words, number, limit)).map(Envelope::of);
    }

    @GET
    @Path("{pcgsNumber}")
    public Uni<Envelope<Coin>> byPcgsNumber(@PathParam("pcgsNumber") String pcgsNumber) {
        if (!pcgsNumber.matches("\\d{1,9}")) {
            throw ApiException.notFound("Coin");
        }
        return deadline.bound(coins.byPcgsNumber(Integer.parseInt(pcgsNumber)).flatMap(coin -> {
            if (coin == null) {
                throw ApiException.notFound("Coin");
            }
            return coins.latestPerGrade(coin.id()).map(coin::withPrices);
        })).map(Envelope::of);
    }

    @POST
    @Path("price-guide")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope<Map<String, Integer>>> importJson(List<PriceRowInput> rows) {
        return deadline.transaction(expired -> priceGuide.importRows(rows, null, expired))
                .map(n -> Envelope.of(Map.of("upserted", n)));
    }

    @POST
    @Path("price-guide")
    @RolesAllowed("admin")
    @Consumes("text/csv")
    public Uni<Envelope<Map<String, Integer>>> importCsv(String csv) {
        CsvPriceRows.Parsed parsed = CsvPriceRows.parse(csv);
        return deadline.transaction(expired -> priceGuide.importRows(parsed.rows(), parsed.problems(), expired))
                .map(n -> Envelope.of(Map.of("upserted", n)));
    }

    @GET
    @Path("price-guide")
    public Uni<Envelope<List<PriceGuideRow>>> priceHistory(@Context UriInfo uri) {
        String pcgs = QueryParams.raw(uri, "pcgsNumber");
        String coinId = QueryParams.raw(uri, "coinReferenceId");
        String gradeCode = QueryParams.raw(uri, "gradeCode");
        if ((pcgs == null || pcgs.isBlank()) && (coinId == null || coinId.isBlank())) {
            throw ApiException.invalidField("pcgsNumber", "pcgsNumber or coinReferenceId is required");
        }
        LocalDate from = QueryParams.date("from", QueryParams.raw(uri, "from"));
        LocalDate to = QueryParams.date("to", QueryParams.raw(uri, "to"));
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.invalidField("from", "must not be after to");
        }
        Integer pcgsNumber = pcgs != null && pcgs.matches("\\d{1,9}") ? Integer.valueOf(pcgs) : null;
        if (pcgs != null && pcgsNumber == null && coinId == null) {
            throw ApiException.notFound("Coin");
        }
        Uni<List<PriceGuideRow>> rows = grades.codes().flatMap(codes -> {
            if (gradeCode != null && !codes.contains(gradeCode)) {
                throw ApiException.invalidField("gradeCode", "is not a valid grade");
            }
            return priceGuide.history(coinId, pcgsNumber, gradeCode, from, to);
        });
        return deadline.bound(rows).map(Envelope::of);
    }
}
