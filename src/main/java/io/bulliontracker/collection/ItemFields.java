package io.bulliontracker.collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/** The stored item in the shape a create takes, and an update's fields laid over it. */
final class ItemFields {

    /** An update that sends one of these re-derives a numismatic item's metal content. */
    static final Set<String> METAL_CONTENT_INPUTS = Set.of("coinReferenceId", "pcgsNumber", "weightOz", "metalWeightOz",
            "metalPurity");

    /** The scale the input constraints allow; values stored before them may carry more. */
    private static final int MAX_SCALE = 12;

    private ItemFields() {
    }

    /** The update's fields under the names of {@link ItemInput} (the mobile client sends {@code certificationNumber}). */
    static ObjectNode canonical(ObjectNode changes) {
        if (!changes.has("certificationNumber") || changes.has("certNumber")) {
            return changes;
        }
        ObjectNode renamed = changes.deepCopy();
        renamed.set("certNumber", renamed.remove("certificationNumber"));
        return renamed;
    }

    /**
     * The stored item with the update's fields laid over it ({@code null} clears a field). The result
     * is then checked by the create rules, so an update can never leave an item a create would refuse.
     */
    static ItemInput merge(ObjectMapper json, CollectionItem item, ObjectNode changes) throws JsonProcessingException {
        ObjectNode merged = json.valueToTree(asInput(item));
        changes.properties().forEach(field -> {
            if (merged.has(field.getKey())) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        // A coin named by PCGS number replaces the stored coin id.
        if (changes.has("pcgsNumber") && !changes.has("coinReferenceId")) {
            merged.putNull("coinReferenceId");
        }
        // The estimate marker follows what the update says: a new grade carries its own "~" (or the
        // flag sent with it); the flag alone re-marks the stored grade.
        if (changes.has("grade") && !changes.has("isGradeEstimated")) {
            merged.putNull("isGradeEstimated");
        } else if (changes.has("isGradeEstimated") && !changes.has("grade") && item.grade != null) {
            merged.put("grade", item.grade.startsWith("~") ? item.grade.substring(1) : item.grade);
        }
        return json.treeToValue(merged, ItemInput.class);
    }

    /** The stored item at full precision (images aside: an update that does not send them keeps them). */
    static ItemInput asInput(CollectionItem i) {
        return new ItemInput(i.category, i.type, i.title, i.metal, i.quantity, bounded(i.weightOz),
                bounded(i.metalPurity), bounded(i.metalWeightOz), bounded(i.preciousMetalOz), i.coinReferenceId, null,
                i.certNumber, i.grade, i.gradingService, i.isProblemCoin, i.problemType, i.isGradeEstimated, i.notes,
                i.bookValueType, bounded(i.customBookValue), bounded(i.premiumPercent), bounded(i.numismaticValue),
                i.confidenceLevel, bounded(i.spotPriceAtCreation),
                i.purchaseDate == null ? null : i.purchaseDate.toString(), bounded(i.purchasePrice), null);
    }

    /**
     * A value written before the input constraints (a float the old app stored, 0.30000000000000004)
     * would make every later update of the item fail on a field the client never sent: it is carried
     * over at the 12 decimals a client could send. Stored values only, never request input.
     */
    private static BigDecimal bounded(BigDecimal stored) {
        return stored == null || stored.scale() <= MAX_SCALE ? stored : stored.setScale(MAX_SCALE, RoundingMode.HALF_UP);
    }
}
