package io.bulliontracker.bench;

/** The two routes the benchmark measures. */
enum Route {
    PERFORMANCE("performance", "GET /api/coins/performance?days=30"),
    SYNC("sync", "POST /api/collection/sync-prices");

    final String key;
    final String title;

    Route(String key, String title) {
        this.key = key;
        this.title = title;
    }
}
