package io.bulliontracker.bench;

/**
 * The portfolio routes of the contract ("Portfolio"), timed on the service alone: there is no N+1
 * reference for them in the old app worth keeping. A route that answers 404 (not merged into this build
 * yet) is skipped with a line in the log and the report.
 */
enum PortfolioRoute {
    SUMMARY("portfolio-summary", "/api/portfolio/summary", false),
    BREAKDOWN("valuation-breakdown", "/api/portfolio/valuation-breakdown", false),
    COLLECTION_SUMMARY("collection-summary", "/api/collection/summary", false),
    HISTORY_30("history-30d", "/api/portfolio/history?days=30", true),
    HISTORY_365("history-365d", "/api/portfolio/history?days=365", true);

    final String key;
    final String path;
    /** History is measured at every portfolio size (1,000 and 10,000 items), the summaries at the largest. */
    final boolean history;

    PortfolioRoute(String key, String path, boolean history) {
        this.key = key;
        this.path = path;
        this.history = history;
    }

    /** The three summary routes, each with the 40 ms target at 10,000 items. */
    boolean summary() {
        return !history;
    }
}
