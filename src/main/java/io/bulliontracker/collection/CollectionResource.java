package io.bulliontracker.collection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bulliontracker.common.ApiException;
import io.bulliontracker.common.DatabaseDeadline;
import io.bulliontracker.common.Envelope;
import io.bulliontracker.common.QueryParams;
import io.bulliontracker.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@Path("/api/collection")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CollectionResource {

    static final int MAX_PAGE = 100;

    private final CollectionService collection;
    private final CurrentUser user;
    private final DatabaseDeadline deadline;

    public CollectionResource(CollectionService collection, CurrentUser user, DatabaseDeadline deadline) {
        this.collection = collection;
        this.user = user;
        this.deadline = deadline;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(ItemInput input, @Context UriInfo uri) {
        String userId = user.id();
        return deadline.transaction(expired -> collection.create(userId, input, expired)).map(item -> Response
                .created(uri.getAbsolutePathBuilder().path(item.id()).build()).entity(Envelope.of(item)).build());
    }

    /** Without {@code limit}: every item. With it (1..100, larger capped): a page after {@code cursor}. */
    @GET
    public Uni<Envelope<List<ItemView>>> list(@Context UriInfo uri) {
        String limit = QueryParams.raw(uri, "limit");
        String cursor = QueryParams.raw(uri, "cursor");
        if (limit == null) {
            if (cursor != null) {
                throw ApiException.invalidField("cursor", "needs limit");
            }
            return deadline.bound(collection.listAll(user.id())).map(Envelope::of);
        }
        int size = QueryParams.intInRange("limit", limit, MAX_PAGE, 1, Integer.MAX_VALUE);
        if (cursor != null && cursor.isBlank()) {
            throw ApiException.invalidField("cursor", "names no item of this collection");
        }
        return deadline.bound(collection.page(user.id(), cursor, Math.min(size, MAX_PAGE)));
    }

    @GET
    @Path("{id}")
    public Uni<Envelope<ItemView>> get(@PathParam("id") String id) {
        return deadline.bound(collection.get(user.id(), id)).map(Envelope::of);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope<ItemView>> patch(@PathParam("id") String id, JsonNode changes) {
        if (!(changes instanceof ObjectNode fields)) {
            throw ApiException.invalidField("body", "must be a JSON object");
        }
        String userId = user.id();
        return deadline.transaction(expired -> collection.patch(userId, id, fields, expired)).map(Envelope::of);
    }

    @DELETE
    @Path("{id}")
    public Uni<Envelope<Map<String, String>>> delete(@PathParam("id") String id) {
        String userId = user.id();
        return deadline.transaction(expired -> collection.delete(userId, id, expired))
                .map(deleted -> Envelope.of(Map.of("id", deleted)));
    }

    @GET
    @Path("{id}/history")
    public Uni<Envelope<List<ValuePoint>>> history(@PathParam("id") String id, @Context UriInfo uri) {
        LocalDate from = QueryParams.date("from", QueryParams.raw(uri, "from"));
        LocalDate to = QueryParams.date("to", QueryParams.raw(uri, "to"));
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.invalidField("from", "must not be after to");
        }
        return deadline.bound(collection.history(user.id(), id, from, to)).map(Envelope::of);
    }
}
