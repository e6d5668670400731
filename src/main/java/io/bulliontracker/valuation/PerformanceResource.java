package io.bulliontracker.valuation;

import io.bulliontracker.common.DatabaseDeadline;
import io.bulliontracker.common.Envelope;
import io.bulliontracker.common.QueryParams;
import io.bulliontracker.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

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
    public Uni<Envelope<PerformanceReport>> performance(@Context UriInfo uri) {
        int periodDays = QueryParams.intInRange("days", QueryParams.raw(uri, "days"), 30, 1, 3650);
        return deadline.bound(performance.report(user.id(), periodDays)).map(Envelope::of);
    }
}
