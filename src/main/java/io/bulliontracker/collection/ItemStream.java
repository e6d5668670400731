package io.bulliontracker.collection;

import io.bulliontracker.common.DatabaseDeadline;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.PreparedStatement;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * All of a user's items, read through a server-side cursor a few rows at a time: memory stays bounded
 * however large the collection (a full read of 20,000 items once cost 17 MB per request and, twenty at
 * a time, the heap). One connection, one transaction (a cursor lives only inside one), one statement
 * that carries each item's images with it; the connection goes back to the pool when the stream
 * completes, fails or is cancelled (the client went away), its read-only transaction rolled back.
 */
@ApplicationScoped
public class ItemStream {

    /** Rows per cursor fetch: about 1 KB each, so a fetch holds some 200 KB whatever the collection. */
    static final int FETCH_ROWS = 200;

    /**
     * The listing order of {@link CollectionItemRepository#NEWEST_FIRST}; the images of each item as
     * parallel arrays in their order (aggregates without GROUP BY give one row, NULL arrays for none).
     */
    static final String ITEMS_WITH_IMAGES = """
            SELECT i.id, i.category, i.type, i.title, i.metal, i.quantity, i.weight_oz, i.metal_purity,
                   i.metal_weight_oz, i.precious_metal_oz, i.coin_reference_id, i.cert_number, i.grade,
                   i.grading_service, i.is_problem_coin, i.problem_type, i.is_grade_estimated, i.notes,
                   i.book_value_type, i.custom_book_value, i.premium_percent, i.numismatic_value,
                   i.confidence_level, i.spot_price_at_creation, i.purchase_date, i.purchase_price,
                   i.created_at, i.updated_at, img.ids, img.urls, img.positions
            FROM collection_items i
            CROSS JOIN LATERAL (
                SELECT array_agg(m.id ORDER BY m.position) AS ids, array_agg(m.url ORDER BY m.position) AS urls,
                       array_agg(m.position ORDER BY m.position) AS positions
                FROM item_images m WHERE m.item_id = i.id) img
            WHERE i.user_id = $1
            ORDER BY i.created_at DESC, i.id DESC
            """;

    private final Pool pool;
    private final DatabaseDeadline deadline;

    public ItemStream(Pool pool, DatabaseDeadline deadline) {
        this.pool = pool;
        this.deadline = deadline;
    }

    /** Lazy: nothing touches the database until the stream is subscribed to. */
    public Multi<ItemView> all(String userId) {
        return Multi.createFrom().resourceFromUni(this::open, cursor -> cursor.statement()
                        .createStream(FETCH_ROWS, Tuple.of(userId)).toMulti().map(ItemStream::view))
                // Closing a pooled connection rolls its transaction back and returns it to the pool.
                .withFinalizer((Cursor cursor) -> cursor.connection().close());
    }

    /**
     * The connection's acquisition is bounded by the pool's own time-outs; BEGIN and the prepare by the
     * request deadline, so a database that stops answering is a 503 before the first byte. Once the
     * connection is in hand a failure closes it without waiting on the database that failed.
     */
    private Uni<Cursor> open() {
        return pool.getConnection().flatMap(connection -> deadline.bound(connection.begin()
                        .flatMap(tx -> connection.prepare(ITEMS_WITH_IMAGES)))
                .map(statement -> new Cursor(connection, statement))
                .onFailure().invoke(failure -> connection.closeAndForget())
                // A client gone before the cursor opened: no finalizer will see this connection.
                .onCancellation().invoke(connection::closeAndForget));
    }

    private record Cursor(SqlConnection connection, PreparedStatement statement) {
    }

    /** The same view {@link ItemView#of} gives every other read of an item. */
    static ItemView view(Row row) {
        CollectionItem item = new CollectionItem();
        item.id = row.getString("id");
        item.category = row.getString("category");
        item.type = row.getString("type");
        item.title = row.getString("title");
        item.metal = row.getString("metal");
        item.quantity = row.getInteger("quantity");
        item.weightOz = row.getBigDecimal("weight_oz");
        item.metalPurity = row.getBigDecimal("metal_purity");
        item.metalWeightOz = row.getBigDecimal("metal_weight_oz");
        item.preciousMetalOz = row.getBigDecimal("precious_metal_oz");
        item.coinReferenceId = row.getString("coin_reference_id");
        item.certNumber = row.getString("cert_number");
        item.grade = row.getString("grade");
        item.gradingService = row.getString("grading_service");
        item.isProblemCoin = row.getBoolean("is_problem_coin");
        item.problemType = row.getString("problem_type");
        item.isGradeEstimated = row.getBoolean("is_grade_estimated");
        item.notes = row.getString("notes");
        item.bookValueType = row.getString("book_value_type");
        item.customBookValue = row.getBigDecimal("custom_book_value");
        item.premiumPercent = row.getBigDecimal("premium_percent");
        item.numismaticValue = row.getBigDecimal("numismatic_value");
        item.confidenceLevel = row.getString("confidence_level");
        item.spotPriceAtCreation = row.getBigDecimal("spot_price_at_creation");
        item.purchaseDate = row.getLocalDate("purchase_date");
        item.purchasePrice = row.getBigDecimal("purchase_price");
        item.createdAt = row.getOffsetDateTime("created_at").toInstant();
        item.updatedAt = row.getOffsetDateTime("updated_at").toInstant();
        return ItemView.of(item, images(row));
    }

    private static List<ItemView.Image> images(Row row) {
        String[] ids = row.getArrayOfStrings("ids");
        if (ids == null) {
            return List.of();
        }
        String[] urls = row.getArrayOfStrings("urls");
        Integer[] positions = row.getArrayOfIntegers("positions");
        List<ItemView.Image> images = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            images.add(new ItemView.Image(ids[i], urls[i], positions[i]));
        }
        return images;
    }
}
