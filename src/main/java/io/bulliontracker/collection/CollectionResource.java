package io.bulliontracker.collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bulliontracker.common.ApiException;
import io.bulliontracker.common.DatabaseDeadline;
import io.bulliontracker.common.Envelope;
import io.bulliontracker.common.ErrorBody;
import io.bulliontracker.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/collection")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Collection", description = "The caller's coins and bullion")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(responseCode = "503", description = "Database unavailable; retry after the Retry-After seconds",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
public class CollectionResource {

    static final int MAX_PAGE = 100;
    static final String PAGE_LIMIT = "must be an integer from 1 to 100 (larger values are capped at 100)";
    static final String HISTORY_LIMIT = "must be an integer from 1 to 365";

    private final CollectionService collection;
    private final CurrentUser user;
    private final DatabaseDeadline deadline;
    private final ObjectMapper json;
    private final ObjectWriter itemWriter;

    public CollectionResource(CollectionService collection, CurrentUser user, DatabaseDeadline deadline, ObjectMapper json) {
        this.collection = collection;
        this.user = user;
        this.deadline = deadline;
        this.json = json;
        this.itemWriter = json.writerFor(ItemView.class);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an item",
            description = "Required: category, bookValueType, metal (a NUMISMATIC item with a coin defaults to the coin's metal). "
                    + "Coin items get their metal content from the coin (or the US coinage table) and, without a title, a built one.")
    @APIResponse(responseCode = "201", description = "The stored item; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EnvelopeItemView")))
    @APIResponse(responseCode = "400", description = "A field breaks a rule: details name it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public Uni<RestResponse<Envelope<ItemView>>> create(
            @Valid @NotNull(message = "is required: send the item as a JSON object") ItemInput body,
            @Context UriInfo uri) {
        String userId = user.id();
        return deadline.transaction(expired -> collection.create(userId, body, expired))
                .map(item -> RestResponse.ResponseBuilder
                        .<Envelope<ItemView>>created(uri.getAbsolutePathBuilder().path(item.id()).build())
                        .entity(Envelope.of(item)).build());
    }

    /**
     * Without {@code limit}: every item, streamed (memory stays bounded whatever the collection's size).
     * With it (1..100, larger capped): a page after {@code cursor}. Both answer as buffers of JSON that
     * quarkus-rest sends as they come, not wrapped in an array of its own.
     */
    @GET
    @Operation(summary = "List the caller's items",
            description = "Newest first (createdAt, then id, descending). Without limit: every item, streamed. With "
                    + "limit: a page after cursor, with pagination {hasMore, nextCursor, limit}.")
    @APIResponse(responseCode = "200", description = "The items, each with its images",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemList.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public RestMulti<Buffer> list(
            @Parameter(description = "Page size 1..100; larger values are capped at 100")
            @RestQuery("limit") @Min(value = 1, message = PAGE_LIMIT) Long limit,
            @Parameter(description = "The id of the last item of the previous page (needs limit)")
            @RestQuery("cursor") @Size(max = 100, message = "names no item of this collection") String cursor) {
        String after = cursor == null || cursor.isEmpty() ? null : cursor;
        Multi<Buffer> body;
        if (limit == null) {
            if (after != null) {
                throw ApiException.invalidField("cursor", "needs limit");
            }
            body = EnvelopeStream.of(collection.listAll(user.id()), itemWriter);
        } else {
            if (after != null && after.isBlank()) {
                throw ApiException.invalidField("cursor", "names no item of this collection");
            }
            body = deadline.bound(collection.page(user.id(), after, (int) Math.min(limit, MAX_PAGE)))
                    .map(this::serialised).toMulti();
        }
        return RestMulti.fromMultiData(body).encodeAsJsonArray(false).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One item")
    @APIResponse(responseCode = "200", description = "The item with its images")
    @APIResponse(responseCode = "404", description = "No such item of the caller's",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Envelope<ItemView>> get(@PathParam("id") String id) {
        return deadline.bound(collection.get(user.id(), id)).map(Envelope::of);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change some fields of an item",
            description = "A partial update: the sent fields replace the stored ones (null clears an optional field; "
                    + "images, when sent, replace all images); the result must pass the create rules.")
    @APIResponse(responseCode = "200", description = "The item as stored")
    @APIResponse(responseCode = "400", description = "A field breaks a rule: details name it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such item of the caller's",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Envelope<ItemView>> patch(@PathParam("id") String id,
            @RequestBody(description = "The fields to change",
                    content = @Content(schema = @Schema(implementation = ItemInput.class))) JsonNode changes) {
        return update(id, changes);
    }

    /** The clients send their edits as PUT with a partial body: the same update as PATCH. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change some fields of an item (as PATCH)",
            description = "The web and mobile clients' edit: a partial update exactly like PATCH.")
    @APIResponse(responseCode = "200", description = "The item as stored")
    @APIResponse(responseCode = "400", description = "A field breaks a rule: details name it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such item of the caller's",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Envelope<ItemView>> put(@PathParam("id") String id,
            @RequestBody(description = "The fields to change",
                    content = @Content(schema = @Schema(implementation = ItemInput.class))) JsonNode changes) {
        return update(id, changes);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an item", description = "Its value history and images go with it.")
    @APIResponse(responseCode = "200", description = "data: {id} of the deleted item")
    @APIResponse(responseCode = "404", description = "No such item of the caller's",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Envelope<DeletedItem>> delete(@PathParam("id") String id) {
        String userId = user.id();
        return deadline.transaction(expired -> collection.delete(userId, id, expired))
                .map(deleted -> Envelope.of(new DeletedItem(deleted)));
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "An item's value history",
            description = "Ascending by date within from..to; with limit, the newest rows (within from..to) newest first.")
    @APIResponse(responseCode = "200", description = "data: [{priceDate, value, valueType, source}]")
    @APIResponse(responseCode = "400", description = "A bad date or limit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No such item of the caller's",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Envelope<List<ValuePoint>>> history(@PathParam("id") String id,
            @Parameter(description = "First date, YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @RestQuery("from") LocalDate from,
            @Parameter(description = "Last date, YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @RestQuery("to") LocalDate to,
            @Parameter(description = "The newest N rows, newest first (the mobile chart)")
            @RestQuery("limit") @Min(value = 1, message = HISTORY_LIMIT) @Max(value = 365, message = HISTORY_LIMIT) Integer limit) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.invalidField("from", "must not be after to");
        }
        return deadline.bound(collection.history(user.id(), id, from, to, limit)).map(Envelope::of);
    }

    private Uni<Envelope<ItemView>> update(String id, JsonNode changes) {
        if (!(changes instanceof ObjectNode fields)) {
            throw ApiException.invalidField("body", "must be a JSON object");
        }
        String userId = user.id();
        return deadline.transaction(expired -> collection.update(userId, id, fields, expired)).map(Envelope::of);
    }

    private Buffer serialised(Envelope<List<ItemView>> page) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(page));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The list's answer as OpenAPI names it: the route writes it as a stream, so no method returns the type. */
    @Schema(name = "EnvelopeListItemView")
    public record ItemList(boolean success, List<ItemView> data, Envelope.Pagination pagination) {
    }

    /** What a delete answers: the id of the item it deleted. */
    public record DeletedItem(String id) {
    }
}
