package io.bulliontracker.valuation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SyncResult(
        @Schema(description = "Items that got a value") int synced,
        @Schema(description = "Items whose value changed") int updated,
        @Schema(description = "Items with no priced price-guide row") int skipped,
        @Schema(example = "Synced 120 items, updated 37") String message) {

    static SyncResult of(int synced, int updated, int skipped) {
        return new SyncResult(synced, updated, skipped, "Synced " + synced + " items, updated " + updated);
    }

    static SyncResult nothingToSync(boolean oneItemAsked) {
        return new SyncResult(0, 0, 0,
                oneItemAsked ? "Item not found or not a guide_price item" : "No guide_price items to sync");
    }
}
