package io.bulliontracker.collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bulliontracker.catalog.CoinCatalog;
import io.bulliontracker.catalog.GradeCatalog;
import io.bulliontracker.common.ApiException;
import io.bulliontracker.common.Envelope;
import io.bulliontracker.common.DatabaseDeadline;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

@ApplicationScoped
public class CollectionService {

    static final String VALUE_HISTORY = """
            SELECT h.price_date, h.value, h.value_type, h.source
            FROM collection_items i
            LEFT JOIN item_value_history h ON h.item_id = i.id
                 AND ($3::date IS NULL OR h.price_date >= $3::date)
                 AND ($4::date IS NULL OR h.price_date <= $4::date)
            WHERE i.id = $1 AND i.user_id = $2
            ORDER BY h.price_date
            """;

    private final CollectionItemRepository items;
    private final CoinCatalog coins;
    private final GradeCatalog grades;
    private final Pool pool;
    private final ObjectMapper json;
    private final Clock clock;

    public CollectionService(CollectionItemRepository items, CoinCatalog coins, GradeCatalog grades, Pool pool,
            ObjectMapper json, Clock clock) {
        this.items = items;
        this.coins = coins;
        this.grades = grades;
        this.pool = pool;
        this.json = json;
        this.clock = clock;
    }

    /** {@code expired} (from DatabaseDeadline#transaction) stops the commit once the client got a 503. */
    public Uni<ItemView> create(String userId, ItemInput input, BooleanSupplier expired) {
        // Checked before the transaction opens: bad input is a 400 even while the database is away.
        return validated(input).flatMap(valid -> Panache.withTransaction(() -> {
            CollectionItem item = new CollectionItem();
            item.id = UUID.randomUUID().toString();
            item.userId = userId;
            // PostgreSQL keeps microseconds: truncating here keeps the paging cursor exact.
            item.createdAt = now();
            item.updatedAt = item.createdAt;
            ItemFields.apply(valid, item);
            return items.persist(item).map(ItemView::of).flatMap(view -> DatabaseDeadline.unlessExpired(expired, view));
        }));
    }

    public Uni<ItemView> get(String userId, String id) {
        return owned(userId, id).map(ItemView::of);
    }

    public Uni<List<ItemView>> listAll(String userId) {
        return items.listAll(userId).map(list -> list.stream().map(ItemView::of).toList());
    }

    public Uni<Envelope<List<ItemView>>> page(String userId, String cursorId, int limit) {
        Uni<CollectionItem> cursor = cursorId == null ? Uni.createFrom().nullItem()
                : items.findOwned(userId, cursorId).map(found -> {
                    if (found == null) {
                        throw ApiException.invalidField("cursor", "names no item of this collection");
                    }
                    return found;
                });
        return cursor.flatMap(after -> items.pageAfter(userId, after, limit + 1)).map(found -> {
            boolean hasMore = found.size() > limit;
            List<ItemView> page = found.stream().limit(limit).map(ItemView::of).toList();
            String next = hasMore ? page.get(page.size() - 1).id() : null;
            return Envelope.paged(page, new Envelope.Pagination(hasMore, next, limit));
        });
    }

    /**
     * A partial update: the body's fields are laid over the stored item and the result is checked by
     * the same rules as a create, so a PATCH can never leave an item a create would refuse.
     */
    public Uni<ItemView> patch(String userId, String id, ObjectNode changes, BooleanSupplier expired) {
        return Panache.withTransaction(() -> owned(userId, id).flatMap(item -> {
            ItemInput merged = merge(item, changes);
            return validated(merged).map(valid -> {
                ItemFields.apply(valid, item);
                item.updatedAt = now();
                return ItemView.of(item);
            });
        }).flatMap(view -> DatabaseDeadline.unlessExpired(expired, view)));
    }

    public Uni<String> delete(String userId, String id, BooleanSupplier expired) {
        return Panache.withTransaction(() -> items.delete("id = ?1 and userId = ?2", id, userId).map(deleted -> {
            if (deleted == 0) {
                throw ApiException.notFound("Item");
            }
            return id;
        }).flatMap(deleted -> DatabaseDeadline.unlessExpired(expired, deleted)));
    }

    public Uni<List<ValuePoint>> history(String userId, String id, LocalDate from, LocalDate to) {
        return pool.preparedQuery(VALUE_HISTORY).execute(Tuple.of(id, userId, from, to)).map(rows -> {
            if (rows.size() == 0) {
                throw ApiException.notFound("Item");
            }
            List<ValuePoint> points = new ArrayList<>(rows.size());
            for (Row row : rows) {
                if (row.getLocalDate(0) != null) {
                    points.add(new ValuePoint(row.getLocalDate(0).toString(),
                            row.getBigDecimal(1).setScale(2, java.math.RoundingMode.HALF_UP), row.getString(2),
                            row.getString(3)));
                }
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

    /** Checks the rules, then resolves the coin the item names (by id or PCGS number). */
    private Uni<ItemValidator.ValidItem> validated(ItemInput input) {
        ItemValidator.validate(input, null, LocalDate.now(clock));
        return grades.codes().flatMap(codes -> {
            ItemValidator.ValidItem valid = ItemValidator.validate(input, codes, LocalDate.now(clock));
            if (!valid.namesACoin()) {
                return Uni.createFrom().item(valid);
            }
            return coins.resolveId(valid.coinReferenceId(), valid.pcgsNumber()).map(coinId -> {
                if (coinId == null) {
                    throw valid.coinReferenceId() != null
                            ? ApiException.invalidField("coinReferenceId", "names no coin")
                            : ApiException.invalidField("pcgsNumber", "names no coin");
                }
                return ItemFields.withCoin(valid, coinId);
            });
        });
    }

    private ItemInput merge(CollectionItem item, ObjectNode changes) {
        ObjectNode merged = json.valueToTree(ItemFields.asInput(item));
        changes.fields().forEachRemaining(field -> {
            if (merged.has(field.getKey()) || "pcgsNumber".equals(field.getKey())) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        // A new coin by PCGS number replaces the stored coin id.
        if (changes.has("pcgsNumber") && !changes.has("coinReferenceId")) {
            merged.putNull("coinReferenceId");
        }
        // The estimate marker follows what the PATCH says: a new grade carries its own "~" (or the
        // flag sent with it); the flag alone re-marks the stored grade.
        if (changes.has("grade") && !changes.has("isGradeEstimated")) {
            merged.putNull("isGradeEstimated");
        } else if (changes.has("isGradeEstimated") && !changes.has("grade") && item.grade != null) {
            merged.put("grade", item.grade.startsWith("~") ? item.grade.substring(1) : item.grade);
        }
        try {
            return json.treeToValue(merged, ItemInput.class);
        } catch (JsonProcessingException e) {
            // ErrorResponses names the offending field, as for a create body.
            throw new WebApplicationException(e, 400);
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
