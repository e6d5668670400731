package io.bulliontracker.valuation;

public record SyncResult(int synced, int updated, int skipped, String message) {

    static SyncResult of(int synced, int updated, int skipped) {
        return new SyncResult(synced, updated, skipped, "Synced " + synced + " items, updated " + updated);
    }

    static SyncResult nothingToSync(boolean oneItemAsked) {
        return new SyncResult(0, 0, 0,
                oneItemAsked ? "Item not found or not a guide_price item" : "No guide_price items to sync");
    }
}
