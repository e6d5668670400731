package io.bulliontracker.refresh;

import io.bulliontracker.common.ApiException;
import io.bulliontracker.common.Envelope;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Runs the refresh now. Not bound by the 3 s database deadline of the other routes: a refresh of
 * 100,000 items takes longer. The request waits for the run it started up to
 * {@code bullion.refresh.request-timeout}; past that the run goes on and the answer is 202 with the
 * progress so far. A client that hangs up does not stop the run either.
 */
@Path("/api/admin/refresh-prices")
@Produces(MediaType.APPLICATION_JSON)
public class RefreshResource {

    private final PriceRefresh refresh;
    private final RefreshConfig config;

    public RefreshResource(PriceRefresh refresh, RefreshConfig config) {
        this.refresh = refresh;
        this.config = config;
    }

    @POST
    @RolesAllowed("admin")
    @Operation(summary = "Refresh the guide prices of all users' guide_price items now")
    @APIResponse(responseCode = "200", description = "The run completed: {synced, updated, skipped, batches, durationMs}")
    @APIResponse(responseCode = "202", description = "The run outlasted bullion.refresh.request-timeout and goes on; the counts so far")
    @APIResponse(responseCode = "409", description = "A refresh is already running on this or another replica")
    @APIResponse(responseCode = "503", description = "The database is unavailable; the batches committed before stay")
    public Uni<RestResponse<Envelope<RefreshResult>>> refreshNow() {
        return refresh.start(PriceRefresh.Trigger.ADMIN)
                .onFailure(RefreshBusyException.class)
                .transform(busy -> new ApiException(409, busy.getMessage(), null))
                .flatMap(run -> run.result()
                        .map(done -> RestResponse.ok(Envelope.of(done)))
                        .ifNoItem().after(config.requestTimeout())
                        .recoverWithItem(() -> RestResponse.accepted(Envelope.of(run.progress().get()))));
    }
}
