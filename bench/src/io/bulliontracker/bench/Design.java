package io.bulliontracker.bench;

/** The three ways a route's result is computed in the benchmark. */
enum Design {
    SERVICE("service", "service (HTTP, production jar)"),
    FLOOR("floor", "database floor (service's SQL, one connection)"),
    N_PLUS_ONE("nplus1", "N+1 baseline (per-item queries)");

    final String key;
    final String title;

    Design(String key, String title) {
        this.key = key;
        this.title = title;
    }
}
