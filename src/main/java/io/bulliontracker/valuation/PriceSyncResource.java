package io.bulliontracker.valuation;

import io.bulliontracker.common.ApiDocumentation;
import io.bulliontracker.common.ApiException;
import io.bulliontracker.common.Envelope;
import io.bulliontracker.common.ErrorBody;
import io.bulliontracker.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/collection/sync-prices")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Valuation")
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
    @Operation(summary = "Copy the latest guide prices onto the caller's guide-price items",
            description = """
                    Sets each guide_price item's numismaticValue to its latest price-guide value (Greysheet, \
                    else PCGS) and writes today's value-history row, all in one transaction of four statements \
                    whatever the collection's size. Items whose coin and grade have no priced row are skipped.""")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SyncRequest.class)))
    @APIResponse(responseCode = "200", description = "Counts of synced, updated and skipped items")
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "415", description = "A body that is not application/json",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Uni<Envelope<SyncResult>> syncPrices(@Valid SyncRequest request) {
        return sync.sync(user.id(), request == null ? null : request.itemId()).map(Envelope::of);
    }

    /**
     * A bodiless POST arrives under whatever media type the client's HTTP library picks (curl -d '' and
     * rest-assured say form-urlencoded, java.net.http none) and has always meant "sync everything";
     * any other body that is not JSON is refused. Hidden from the OpenAPI document: it is the same
     * operation as above.
     */
    @POST
    @Operation(hidden = true)
    public Uni<Envelope<SyncResult>> syncPricesWithoutJsonBody(String body) {
        if (body != null && !body.isBlank()) {
            throw new ApiException(415, "Unsupported media type: send application/json", null);
        }
        return syncPrices(null);
    }
}
