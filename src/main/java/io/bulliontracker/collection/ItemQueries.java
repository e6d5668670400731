package io.bulliontracker.collection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The collection's SQL beside its entity queries. Every statement runs on the request's own Hibernate
 * Reactive session, in its transaction when there is one: a request never holds one pooled connection
 * while it waits for a second (under load that starves the pool), and a coin or grade read inside an
 * update sees the same snapshot as the rest of it. Call these only inside {@code Panache.withSession}
 * or {@code Panache.withTransaction}.
 */
@ApplicationScoped
public class ItemQueries {

    static final String COIN_BY_ID = """
            SELECT id, pcgs_number, year, denomination, series, metal, weight_oz, fineness
            FROM coin_references WHERE id = ?1
            """;

    static final String COIN_BY_PCGS_NUMBER = """
            SELECT id, pcgs_number, year, denomination, series, metal, weight_oz, fineness
            FROM coin_references WHERE pcgs_number = ?1
            """;

    static final String GRADE_CODES = "SELECT grade_code FROM valid_grades";

    /** One statement for the images of any number of items: the ids travel as one array parameter. */
    static final String IMAGES_OF_ITEMS = """
            SELECT item_id, id, url, position FROM item_images
            WHERE item_id = ANY(CAST(?1 AS text[]))
            ORDER BY item_id, position
            """;

    static final String DELETE_IMAGES = "DELETE FROM item_images WHERE item_id = ?1";

    /** All of an item's images in one statement, however many: parallel arrays unnested, order from their position. */
    static final String INSERT_IMAGES = """
            INSERT INTO item_images (id, item_id, url, position)
            SELECT u.id, ?1, u.url, u.ordinality - 1
            FROM unnest(CAST(?2 AS text[]), CAST(?3 AS text[])) WITH ORDINALITY AS u(id, url, ordinality)
            """;

    /**
     * The item's value history, ascending within the optional range. The LEFT JOIN from the owned
     * item tells an item without history (one row of nulls) from an item that is not the caller's (no row).
     */
    static final String HISTORY_ASCENDING = """
            SELECT CAST(h.price_date AS text), h.value, h.value_type, h.source
            FROM collection_items i
            LEFT JOIN item_value_history h ON h.item_id = i.id
                 AND (CAST(?3 AS date) IS NULL OR h.price_date >= CAST(?3 AS date))
                 AND (CAST(?4 AS date) IS NULL OR h.price_date <= CAST(?4 AS date))
            WHERE i.id = ?1 AND i.user_id = ?2
            ORDER BY h.price_date
            """;

    /** The newest rows first, at most ?5 of them (the mobile chart's {@code ?limit=30}). */
    static final String HISTORY_NEWEST = """
            SELECT CAST(h.price_date AS text), h.value, h.value_type, h.source
            FROM collection_items i
            LEFT JOIN item_value_history h ON h.item_id = i.id
                 AND (CAST(?3 AS date) IS NULL OR h.price_date >= CAST(?3 AS date))
                 AND (CAST(?4 AS date) IS NULL OR h.price_date <= CAST(?4 AS date))
            WHERE i.id = ?1 AND i.user_id = ?2
            ORDER BY h.price_date DESC
            LIMIT ?5
            """;

    /** Seeded by a migration and never written at run time: read once, on the first session that needs them. */
    private volatile Set<String> gradeCodes;

    public Uni<Set<String>> gradeCodes() {
        Set<String> known = gradeCodes;
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(GRADE_CODES, String.class).getResultList())
                .map(codes -> {
                    gradeCodes = Set.copyOf(codes);
                    return gradeCodes;
                });
    }

    /** The coin named by id, else by PCGS number; null when there is none. */
    public Uni<CoinFacts> coin(String coinReferenceId, Integer pcgsNumber) {
        String sql = coinReferenceId != null ? COIN_BY_ID : COIN_BY_PCGS_NUMBER;
        Object key = coinReferenceId != null ? coinReferenceId : pcgsNumber;
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql, Object[].class)
                .setParameter(1, key).getSingleResultOrNull())
                .map(row -> row == null ? null : new CoinFacts((String) row[0], ((Number) row[1]).intValue(),
                        ((Number) row[2]).intValue(), (String) row[3], (String) row[4], (String) row[5],
                        (BigDecimal) row[6], (BigDecimal) row[7]));
    }

    /** The images of each item (absent: none), in their order. */
    public Uni<Map<String, List<ItemView.Image>>> images(List<String> itemIds) {
        if (itemIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] ids = itemIds.toArray(String[]::new);
        return Panache.getSession().flatMap(session -> session.createNativeQuery(IMAGES_OF_ITEMS, Object[].class)
                .setParameter(1, ids).getResultList())
                .map(rows -> {
                    Map<String, List<ItemView.Image>> byItem = new HashMap<>();
                    for (Object[] row : rows) {
                        byItem.computeIfAbsent((String) row[0], id -> new ArrayList<>())
                                .add(new ItemView.Image((String) row[1], (String) row[2], ((Number) row[3]).intValue()));
                    }
                    return byItem;
                });
    }

    /** Replaces all of an item's images by {@code urls}, in that order; returns them as stored. */
    public Uni<List<ItemView.Image>> replaceImages(String itemId, List<String> urls) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(DELETE_IMAGES)
                .setParameter(1, itemId).executeUpdate())
                .flatMap(deleted -> insertImages(itemId, urls));
    }

    /** Stores the images of an item that has none, in one statement; returns them as stored. */
    public Uni<List<ItemView.Image>> insertImages(String itemId, List<String> urls) {
        if (urls.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<ItemView.Image> images = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            images.add(new ItemView.Image(UUID.randomUUID().toString(), urls.get(i), i));
        }
        String[] ids = images.stream().map(ItemView.Image::id).toArray(String[]::new);
        String[] links = urls.toArray(String[]::new);
        return Panache.getSession().flatMap(session -> session.createNativeQuery(INSERT_IMAGES)
                .setParameter(1, itemId).setParameter(2, ids).setParameter(3, links).executeUpdate())
                .map(inserted -> images);
    }

    /** Null when the item is not the caller's; else its history rows (newest first when {@code limit} is given). */
    public Uni<List<ValuePoint>> history(String userId, String itemId, LocalDate from, LocalDate to, Integer limit) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(limit == null ? HISTORY_ASCENDING : HISTORY_NEWEST, Object[].class)
                    .setParameter(1, itemId).setParameter(2, userId)
                    .setParameter(3, from).setParameter(4, to);
            if (limit != null) {
                query.setParameter(5, limit);
            }
            return query.getResultList();
        }).map(rows -> {
            if (rows.isEmpty()) {
                return null;
            }
            List<ValuePoint> points = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                if (row[0] != null) {
                    points.add(new ValuePoint((String) row[0], ((BigDecimal) row[1]).setScale(2, RoundingMode.HALF_UP),
                            (String) row[2], (String) row[3]));
                }
            }
            return points;
        });
    }
}
