package io.bulliontracker.portfolio;

import io.bulliontracker.common.DatabaseDeadline;
import io.bulliontracker.common.Envelope;
import io.bulliontracker.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/portfolio")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PortfolioResource {

    private final PortfolioService portfolio;
    private final CurrentUser user;
    private final DatabaseDeadline deadline;

    public PortfolioResource(PortfolioService portfolio, CurrentUser user, DatabaseDeadline deadline) {
        this.portfolio = portfolio;
        this.user = user;
        this.deadline = deadline;
    }

    @GET
    @Path("summary")
    public Uni<Envelope<PortfolioSummary>> summary() {
        return deadline.bound(portfolio.summary(user.id())).map(Envelope::of);
    }

    @GET
    @Path("valuation-breakdown")
    public Uni<Envelope<ValuationBreakdown>> valuationBreakdown() {
        return deadline.bound(portfolio.valuationBreakdown(user.id())).map(Envelope::of);
    }
}
