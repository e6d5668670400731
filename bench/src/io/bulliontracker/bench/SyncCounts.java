package io.bulliontracker.bench;

/** What a sync reports: items that got a value, items whose value changed, items with no priced row. */
record SyncCounts(int synced, int updated, int skipped) {
}
