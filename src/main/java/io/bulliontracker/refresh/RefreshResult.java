package io.bulliontracker.refresh;

/**
 * What a refresh did: {@code synced} items got a value, {@code updated} of them changed it,
 * {@code skipped} had no priced row; {@code batches} committed, in {@code durationMs}.
 */
public record RefreshResult(long synced, long updated, long skipped, int batches, long durationMs) {
}
