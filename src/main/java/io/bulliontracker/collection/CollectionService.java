package io.bulliontracker.collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bulliontracker.common.ApiException;
import io.bulliontracker.common.DatabaseDeadline;
import io.bulliontracker.common.Envelope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.metadata.PropertyDescriptor;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The collection's reads and writes. Each request runs on one Hibernate Reactive session (and, for a
 * write, one transaction): entity queries and the collection's own SQL ({@link ItemQueries}) share
 * its single connection.
 */
@ApplicationScoped
public class CollectionService {

    private final CollectionItemRepository items;
    private final ItemQueries queries;
    private final ItemStream stream;
    private final Validator validator;
    private final ObjectMapper json;
    private final Clock clock;
    private final Set<String> constrainedFields;

    public CollectionService(CollectionItemRepository items, ItemQueries queries, ItemStream stream,
            Validator validator, ObjectMapper json, Clock clock) {
        this.items = items;
        this.queries = queries;
        this.stream = stream;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
        this.constrainedFields = validator.getConstraintsForClass(ItemInput.class).getConstrainedProperties().stream()
                .map(PropertyDescriptor::getPropertyName).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * {@code input} is valid (Bean Validation ran on the request body). {@code expired} (from
     * DatabaseDeadline#transaction) stops the commit once the client got a 503.
     */
    public Uni<ItemView> create(String userId, ItemInput input, BooleanSupplier expired) {
        return Panache.withTransaction(() -> codesFor(input).flatMap(codes -> coinFor(input).map(coin -> {
            CollectionItem item = new CollectionItem();
            item.id = UUID.randomUUID().toString();
            item.userId = userId;
            // PostgreSQL keeps microseconds: truncating here keeps the paging cursor exact.
            item.createdAt = now();
            item.updatedAt = item.createdAt;
            ItemRules.apply(input, coin, codes, new ItemRules.Change(input.preciousMetalOz() == null, true), item);
            return item;
        })).flatMap(items::persistAndFlush).flatMap(item -> {
            List<String> urls = input.images() == null ? List.of() : input.images();
            return queries.insertImages(item.id, urls).map(images -> ItemView.of(item, images));
        }).flatMap(view -> DatabaseDeadline.unlessExpired(expired, view)));
    }

    public Uni<ItemView> get(String userId, String id) {
        return Panache.withSession(() -> owned(userId, id)
                .flatMap(item -> queries.images(List.of(id)).map(images -> ItemView.of(item, images.get(id)))));
    }

    /** Every item, streamed from a cursor (see {@link ItemStream}): never the whole collection in memory. */
    public Multi<ItemView> listAll(String userId) {
        return stream.all(userId);
    }

    /** A page after the cursor item: the cursor, the page, its images: three statements whatever the page size. */
    public Uni<Envelope<List<ItemView>>> page(String userId, String cursorId, int limit) {
        return Panache.withSession(() -> {
            Uni<CollectionItem> cursor = cursorId == null ? Uni.createFrom().nullItem()
                    : items.findOwned(userId, cursorId).map(found -> {
                        if (found == null) {
                            throw ApiException.invalidField("cursor", "names no item of this collection");
                        }
                        return found;
                    });
            return cursor.flatMap(after -> items.pageAfter(userId, after, limit + 1)).flatMap(found -> {
                boolean hasMore = found.size() > limit;
                List<CollectionItem> page = found.subList(0, Math.min(limit, found.size()));
                String next = hasMore ? page.get(page.size() - 1).id : null;
                return withImages(page).map(views -> Envelope.paged(views, new Envelope.Pagination(hasMore, next, limit)));
            });
        });
    }

    /**
     * A partial update (PUT and PATCH alike): the sent fields are checked on their own before any
     * database work, then laid over the stored item, whose row stays locked from this read to the
     * commit (see {@link CollectionItemRepository#lockOwned}), and the result is checked by the create
     * rules.
     */
    public Uni<ItemView> update(String userId, String id, ObjectNode body, BooleanSupplier expired) {
        ObjectNode changes = ItemFields.canonical(body);
        checkSentFields(changes);
        return Panache.withTransaction(() -> items.lockOwned(userId, id).flatMap(item -> {
            if (item == null) {
                throw ApiException.notFound("Item");
            }
            ItemInput merged = validated(merge(item, changes));
            boolean derives = !changes.has("preciousMetalOz")
                    && ItemFields.METAL_CONTENT_INPUTS.stream().anyMatch(changes::has);
            boolean buildsTitle = changes.has("title") && merged.title() == null;
            // The coin is read only when a rule needs it: a new coin to check, metal content to
            // derive, a title to build, a metal to default.
            boolean needsCoin = changes.has("coinReferenceId") || changes.has("pcgsNumber")
                    || derives && "NUMISMATIC".equals(merged.category()) || buildsTitle || merged.metal() == null;
            ItemRules.Change change = new ItemRules.Change(derives, buildsTitle);
            return codesFor(merged).flatMap(codes -> (needsCoin ? coinFor(merged) : Uni.createFrom().<CoinFacts>nullItem())
                    .map(coin -> {
                        ItemRules.apply(merged, coin, codes, change, item);
                        item.updatedAt = now();
                        return item;
                    }))
                    .flatMap(updated -> changes.has("images")
                            ? queries.replaceImages(id, merged.images() == null ? List.of() : merged.images())
                            : queries.images(List.of(id)).map(images -> images.getOrDefault(id, List.of())))
                    .map(images -> ItemView.of(item, images));
        }).flatMap(view -> DatabaseDeadline.unlessExpired(expired, view)));
    }

    /** One statement: the item's value history and images go with it (ON DELETE CASCADE). */
    public Uni<String> delete(String userId, String id, BooleanSupplier expired) {
        return Panache.withTransaction(() -> items.delete("id = ?1 and userId = ?2", id, userId).map(deleted -> {
            if (deleted == 0) {
                throw ApiException.notFound("Item");
            }
            return id;
        }).flatMap(deleted -> DatabaseDeadline.unlessExpired(expired, deleted)));
    }

    /** Ascending within the range; with {@code limit}, the newest rows of it, newest first. */
    public Uni<List<ValuePoint>> history(String userId, String id, LocalDate from, LocalDate to, Integer limit) {
        return Panache.withSession(() -> queries.history(userId, id, from, to, limit)).map(points -> {
            if (points == null) {
                throw ApiException.notFound("Item");
            }
            return points;
        });
    }

    private Uni<CollectionItem> owned(String userId, String id) {
        return items.findOwned(userId, id).map(item -> {
            if (item == null) {
                throw ApiException.notFound("Item");
            }
            return item;
        });
    }

    private Uni<List<ItemView>> withImages(List<CollectionItem> found) {
        return queries.images(found.stream().map(item -> item.id).toList())
                .map(images -> found.stream().map(item -> ItemView.of(item, images.get(item.id))).toList());
    }

    /** The grade codes, when the item has a grade to normalise or check. */
    private Uni<Set<String>> codesFor(ItemInput input) {
        return input.grade() == null ? Uni.createFrom().item(Set.of()) : queries.gradeCodes();
    }

    /** The coin the item names (by id, else by PCGS number), or null when it names none; a 400 when it names no coin. */
    private Uni<CoinFacts> coinFor(ItemInput input) {
        if (!input.namesACoin()) {
            return Uni.createFrom().nullItem();
        }
        return queries.coin(input.coinReferenceId(), input.pcgsNumber()).map(coin -> {
            String field = input.coinReferenceId() != null ? "coinReferenceId" : "pcgsNumber";
            if (coin == null) {
                throw ApiException.invalidField(field, "names no coin");
            }
            if (input.coinReferenceId() != null && input.pcgsNumber() != null && coin.pcgsNumber() != input.pcgsNumber()) {
                throw ApiException.invalidField("pcgsNumber", "names another coin than coinReferenceId");
            }
            return coin;
        });
    }

    /** Each sent field against its own constraints, before the item is read: a bad value costs no database work. */
    private void checkSentFields(ObjectNode changes) {
        ItemInput sent = read(changes);
        Set<ConstraintViolation<ItemInput>> violations = new LinkedHashSet<>();
        changes.fieldNames().forEachRemaining(field -> {
            if (constrainedFields.contains(field)) {
                violations.addAll(validator.validateProperty(sent, field));
            }
        });
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    private ItemInput validated(ItemInput merged) {
        Set<ConstraintViolation<ItemInput>> violations = validator.validate(merged);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return merged;
    }

    private ItemInput read(ObjectNode changes) {
        try {
            return json.treeToValue(changes, ItemInput.class);
        } catch (JsonProcessingException e) {
            // ErrorResponses names the offending field, as for a create body.
            throw new WebApplicationException(e, 400);
        }
    }

    private ItemInput merge(CollectionItem item, ObjectNode changes) {
        try {
            return ItemFields.merge(json, item, changes);
        } catch (JsonProcessingException e) {
            throw new WebApplicationException(e, 400);
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

}
