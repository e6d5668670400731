package io.bulliontracker.valuation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulliontracker.common.ApiException;
import io.bulliontracker.common.Envelope;
import io.bulliontracker.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

@Path("/api/collection/sync-prices")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PriceSyncResource {

    private final PriceSyncService sync;
    private final CurrentUser user;
    private final ObjectMapper json;

    /** The sync bounds its own transaction (see DatabaseDeadline#transaction). */
    public PriceSyncResource(PriceSyncService sync, CurrentUser user, ObjectMapper json) {
        this.sync = sync;
        this.user = user;
        this.json = json;
    }

    /** The body is optional (empty, {@code {}} or {@code {"itemId": "..."}}), so it is read as text. */
    @POST
    public Uni<Envelope<SyncResult>> syncPrices(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            String body) {
        String itemId = itemIdFrom(contentType, body);
        return sync.sync(user.id(), itemId).map(Envelope::of);
    }

    private String itemIdFrom(String contentType, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        if (contentType != null && !contentType.toLowerCase().startsWith(MediaType.APPLICATION_JSON)) {
            throw new ApiException(415, "Unsupported media type: send application/json", null);
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("Malformed JSON body");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("Malformed JSON body: expected an object");
        }
        JsonNode itemId = node.get("itemId");
        if (itemId == null || itemId.isNull()) {
            return null;
        }
        if (!itemId.isTextual() || itemId.asText().isBlank()) {
            throw ApiException.invalidField("itemId", "must be a non-blank string");
        }
        return itemId.asText();
    }
}
