package io.bulliontracker.valuation;

import io.bulliontracker.common.ApiException;
import io.bulliontracker.common.Envelope;
import io.bulliontracker.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/collection/sync-prices")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PriceSyncResource {

    private final PriceSyncService sync;
    private final CurrentUser user;

    /** The sync bounds its own transaction (see DatabaseDeadline#transaction). */
    public PriceSyncResource(PriceSyncService sync, CurrentUser user) {
        this.sync = sync;
        this.user = user;
    }

    /** An empty JSON body reaches here as null (the JSON reader's answer to no content): sync everything. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope<SyncResult>> syncPrices(@Valid SyncRequest request) {
        return sync.sync(user.id(), request == null ? null : request.itemId()).map(Envelope::of);
    }

    /**
     * A bodiless POST arrives under whatever media type the client's HTTP library picks (curl -d '' and
     * rest-assured say form-urlencoded, java.net.http none) and has always meant "sync everything";
     * any other body that is not JSON is refused.
     */
    @POST
    public Uni<Envelope<SyncResult>> syncPricesWithoutJsonBody(String body) {
        if (body != null && !body.isBlank()) {
            throw new ApiException(415, "Unsupported media type: send application/json", null);
        }
        return syncPrices(null);
    }
}
