package io.bulliontracker.portfolio;

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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/portfolio/history")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PortfolioHistoryResource {

    private static final String DAYS_RANGE = "must be an integer from 1 to 3650";

    private final PortfolioHistory history;
    private final CurrentUser user;
    private final DatabaseDeadline deadline;
    private final Clock clock;

    public PortfolioHistoryResource(PortfolioHistory history, CurrentUser user, DatabaseDeadline deadline, Clock clock) {
        this.history = history;
        this.user = user;
        this.deadline = deadline;
        this.clock = clock;
    }

    /** {@code ?days=30} (the default) or {@code ?startDate=&endDate=}; the dates win when both are sent. */
    @GET
    public Uni<Envelope<List<HistoryPoint>>> history(
            @RestQuery("days") @DefaultValue("30") @Min(value = 1, message = DAYS_RANGE)
            @Max(value = 3650, message = DAYS_RANGE) int days,
            @RestQuery("startDate") LocalDate startDate,
            @RestQuery("endDate") LocalDate endDate) {
        HistorySpan span = HistorySpan.of(days, startDate, endDate, LocalDate.now(clock));
        return deadline.bound(history.points(user.id(), span)).map(Envelope::of);
    }
}
