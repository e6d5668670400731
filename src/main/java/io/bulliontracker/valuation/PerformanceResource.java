package io.bulliontracker.valuation;

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
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/coins/performance")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
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
    public Uni<Envelope<PerformanceReport>> performance(
            @RestQuery("days") @DefaultValue("30") @Min(value = 1, message = "must be an integer from 1 to 3650")
            @Max(value = 3650, message = "must be an integer from 1 to 3650") int days) {
        return deadline.bound(performance.report(user.id(), days)).map(Envelope::of);
    }
}
