package io.bulliontracker.portfolio;

import io.bulliontracker.common.DatabaseDeadline;
import io.bulliontracker.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/collection/summary}. A resource of its own: its literal path wins over the collection
 * resource's {@code /api/collection/{id}}, so "summary" is never taken for an item id.
 */
@Path("/api/collection/summary")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CollectionSummaryResource {

    private final PortfolioService portfolio;
    private final CurrentUser user;
    private final DatabaseDeadline deadline;

    public CollectionSummaryResource(PortfolioService portfolio, CurrentUser user, DatabaseDeadline deadline) {
        this.portfolio = portfolio;
        this.user = user;
        this.deadline = deadline;
    }

    /** The envelope plus the web client's top-level fields (a legacy shape, see {@link CollectionSummary}). */
    @GET
    public Uni<CollectionSummary> summary() {
        return deadline.bound(portfolio.collectionSummary(user.id()));
    }
}
