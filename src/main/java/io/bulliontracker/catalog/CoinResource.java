package io.bulliontracker.catalog;

import io.bulliontracker.common.ApiException;
import io.bulliontracker.common.DatabaseDeadline;
import io.bulliontracker.common.Envelope;
import io.bulliontracker.common.ErrorBody;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/coins")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog")
@APIResponse(responseCode = "400", description = "Invalid input: the envelope names the field (or the rows) and why",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(responseCode = "503", description = "Database unavailable, retry after Retry-After seconds",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
public class CoinResource {

    static final int MAX_QUERY = 200;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final String LIMIT = "must be a positive integer (values over 100 count as 100)";
    /** The JSON and the CSV import are one operation in the OpenAPI document: one text for both. */
    static final String IMPORT_SUMMARY = "Upsert price-guide rows on (coin, grade, date), as JSON or CSV (admin)";
    static final String IMPORT_DESCRIPTION = "A JSON array of 1 to 100,000 rows, or text/csv: RFC 4180 (quoted fields, "
            + "\"\" escapes, quoted line breaks, CRLF or LF, an optional BOM) with the header "
            + PriceGuideCsv.HEADER + " (any column order; an empty field is a missing value). A row needs a known "
            + "coin (pcgsNumber or coinReferenceId), a valid grade code, a date not in the future and at least one "
            + "price. All or nothing: any bad row gives a 400 naming the first bad rows (details.rows: index, "
            + "counting from 0 after the CSV header, and reason) and writes nothing. Two statements whatever the "
            + "number of rows.";

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

    // The bulk writes are @Blocking: reading and validating up to 100,000 rows is CPU work of up to a
    // few seconds (measured: Bean Validation alone, 0.7-4.4 s for 80,000 rows on a busy machine), which on
    // an event loop would stall every request it serves. Their database work stays reactive.
    @POST
    @Blocking
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upsert coin references by PCGS number (admin)",
            description = "All or nothing: any bad coin gives a 400 naming the first bad rows (details.rows: index "
                    + "and reason) and writes nothing. One statement whatever the batch size.")
    @APIResponse(responseCode = "200", description = "How many were created and updated, and each coin's id")
    public Uni<Envelope<CoinUpsertResult>> upsert(
            @RequestBody(description = "1 to 10,000 coins")
            @NotNull(message = "must be a JSON array of 1 to 10000 coins")
            @Size(min = 1, max = CoinCatalog.MAX_COINS, message = "must be a JSON array of 1 to 10000 coins")
            List<CoinInput> body) {
        coins.validate(body);
        return deadline.importTransaction(expired -> coins.upsert(body, expired)).map(Envelope::of);
    }

    @GET
    @Path("search")
    @Operation(summary = "Search coins by words, year or PCGS number",
            description = "Coins whose fullName and series together contain every word of q (case-insensitive, "
                    + "however many words), or whose year or pcgsNumber equals a numeric q; by fullName, then "
                    + "pcgsNumber. A legacy shape: a bare JSON array, no envelope (errors use the envelope). "
                    + "A blank or missing q is [].")
    @APIResponse(responseCode = "200", description = "The matching coins (a bare array)")
    public Uni<List<Coin>> search(
            @Parameter(description = "Words to find, a year or a PCGS number; at most 200 characters")
            @RestQuery("q") @Size(max = MAX_QUERY, message = "must be at most 200 characters")
            @Pattern(regexp = Limits.NO_NUL, message = Limits.NUL) String q,
            @Parameter(description = "How many coins at most: 1..100; larger values count as 100",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "20"))
            @RestQuery("limit") @Pattern(regexp = "0*[1-9][0-9]*", message = LIMIT) String limit) {
        return deadline.bound(coins.search(q, limit(limit)));
    }

    @GET
    @Path("{pcgsNumber}")
    @Operation(summary = "A coin by PCGS number, with its latest price per grade",
            description = "prices: the latest row of each grade, by the grades' display order. 404 when no coin "
                    + "has this number, or it is not an integer from 1 to 2147483647.")
    @APIResponse(responseCode = "200", description = "The coin")
    @APIResponse(responseCode = "404", description = "No such coin",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Envelope<Coin>> byPcgsNumber(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "2147483647"))
            @RestPath("pcgsNumber") String pcgsNumber) {
        Integer number = pcgsNumber(pcgsNumber);
        if (number == null) {
            throw ApiException.notFound("Coin");
        }
        return deadline.bound(coins.withLatestPrices(number)).map(Envelope::of);
    }

    @POST
    @Path("price-guide")
    @Blocking
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = IMPORT_SUMMARY, description = IMPORT_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "data.upserted: how many rows were written")
    public Uni<Envelope<Map<String, Integer>>> importJson(
            @RequestBody(description = "1 to 100,000 rows, as JSON or CSV")
            @NotNull(message = "must hold 1 to 100000 price rows")
            @Size(min = 1, max = PriceGuide.MAX_ROWS, message = "must hold 1 to 100000 price rows")
            List<PriceRowInput> body) {
        return deadline.importTransaction(expired -> priceGuide.importRows(body, null, expired))
                .map(n -> Envelope.of(Map.of("upserted", n)));
    }

    @POST
    @Path("price-guide")
    @Blocking
    @RolesAllowed("admin")
    @Consumes("text/csv")
    @Operation(summary = IMPORT_SUMMARY, description = IMPORT_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "data.upserted: how many rows were written")
    public Uni<Envelope<Map<String, Integer>>> importCsv(
            @RequestBody(description = "1 to 100,000 rows, as JSON or CSV",
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
            byte[] csv) {
        PriceGuideCsv.Parsed parsed = PriceGuideCsv.parse(csv);
        return deadline.importTransaction(expired -> priceGuide.importRows(parsed.rows(), parsed.problems(), expired))
                .map(n -> Envelope.of(Map.of("upserted", n)));
    }

    @GET
    @Path("price-guide")
    @Operation(summary = "A coin's price-guide rows, or the clients' latest-price lookup",
            description = "Name the coin by pcgsNumber or coinReferenceId (both: they must name the same coin). "
                    + "With grade (the clients' form: a leading ~ and case/spaces ignored): data {price, priceDate, "
                    + "confidenceLevel} for the latest priced row (PCGS, else greysheet), or data null when there "
                    + "is none or the grade is not a code. Otherwise: the coin's rows ascending by date, optionally "
                    + "of one gradeCode and within from..to. 404 when the coin is unknown.")
    @APIResponse(responseCode = "200", description = "The rows, or the latest price",
            content = @Content(schema = @Schema(oneOf = {PriceGuideAnswers.History.class,
                    PriceGuideAnswers.Latest.class})))
    @APIResponse(responseCode = "404", description = "No such coin",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Object> priceGuide(
            @Parameter(description = "The coin's PCGS number: 1..2147483647")
            @RestQuery("pcgsNumber") @Min(value = 1, message = Limits.PCGS_NUMBER) Integer pcgsNumber,
            @Parameter(description = "The coin's id")
            @RestQuery("coinReferenceId") @Pattern(regexp = Limits.NO_NUL, message = Limits.NUL) String coinReferenceId,
            @Parameter(description = "Only rows of this grade code (a code from /api/grades)")
            @RestQuery("gradeCode") String gradeCode,
            @Parameter(description = "The clients' form: the latest priced row of this grade ('MS65', '~MS65', "
                    + "'ms 65'); not combined with gradeCode, from or to")
            @RestQuery("grade") String grade,
            @Parameter(description = "Rows on or after this date (YYYY-MM-DD)") @RestQuery("from") LocalDate from,
            @Parameter(description = "Rows on or before this date (YYYY-MM-DD)") @RestQuery("to") LocalDate to) {
        String coinId = blankToNull(coinReferenceId);
        if (pcgsNumber == null && coinId == null) {
            throw ApiException.invalidField("pcgsNumber", "pcgsNumber or coinReferenceId is required");
        }
        if (grade != null) {
            if (blankToNull(gradeCode) != null || from != null || to != null) {
                throw ApiException.invalidField("grade", "the latest-price form takes no gradeCode, from or to");
            }
            return deadline.bound(grades.codes().flatMap(codes -> {
                String code = GradeCodes.normalise(grade).codeIn(codes);
                Uni<LatestPrice> latest = priceGuide.latest(coinId, pcgsNumber, code);
                // A grade that is no code has no price, but the coin must still exist.
                return latest.map(price -> new PriceGuideAnswers.Latest(true, code == null ? null : price));
            }));
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.invalidField("from", "must not be after to");
        }
        return deadline.bound(grades.codes().flatMap(codes -> {
            String code = null;
            if (blankToNull(gradeCode) != null) {
                code = GradeCodes.normalise(gradeCode).codeIn(codes);
                if (code == null) {
                    throw ApiException.invalidField("gradeCode", "is not a valid grade");
                }
            }
            return priceGuide.history(coinId, pcgsNumber, code, from, to);
        }).map(rows -> new PriceGuideAnswers.History(true, rows)));
    }

    /**
     * 1..100 from any positive integer however large (the mobile client sends limit=1000); absent: 20.
     * Text, not an int, so that no value is too large to cap.
     */
    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        String digits = limit.replaceFirst("^0+", "");
        return digits.length() > 3 ? MAX_LIMIT : Math.min(MAX_LIMIT, Integer.parseInt(digits));
    }

    /** A PCGS number as the path gives it, or null when it is not an integer from 1 to 2147483647. */
    private static Integer pcgsNumber(String text) {
        if (!text.matches("[0-9]{1,10}")) {
            return null;
        }
        long value = Long.parseLong(text);
        return value >= 1 && value <= Integer.MAX_VALUE ? (int) value : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
