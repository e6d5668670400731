package io.bulliontracker.valuation;

import io.bulliontracker.common.ApiDocumentation;
import io.bulliontracker.common.DatabaseDeadline;
import io.bulliontracker.common.Envelope;
import io.bulliontracker.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/coins/performance")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Valuation")
public class PerformanceResource {

    private final PerformanceService performance;
    private final CurrentUser user;
    private final DatabaseDeadline deadline;

    public PerformanceResource(PerformanceService performance, CurrentUser user, DatabaseDeadline deadline) {
        this.performance = performance;
        this.user = user;
        this.deadline = deadline;
    }

    @GET
    @Operation(summary = "How the caller's graded coins' guide prices moved over a period",
            description = """
                    For each of the caller's NUMISMATIC items with a coin and a grade (a leading ~ ignored): the \
                    latest guide price (PCGS, else Greysheet) against the latest one on or before today minus \
                    days, best performer first. Coins without any price are left out; a coin without a price \
                    that old compares with its current price.""")
    @APIResponse(responseCode = "200", description = "The coins, best first, with the best and worst performer")
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Uni<Envelope<PerformanceReport>> performance(
            @Parameter(description = "Length of the period in days, ending today (UTC)")
            @RestQuery("days") @DefaultValue("30") @Min(value = 1, message = "must be an integer from 1 to 3650")
            @Max(value = 3650, message = "must be an integer from 1 to 3650") int days) {
        return deadline.bound(performance.report(user.id(), days)).map(Envelope::of);
    }
}
