package io.bulliontracker.spot;

import java.util.List;
import java.util.Map;

/**
 * What one run of the scheduled fetch did: which metals it stored, and which it refused and why
 * (a rate of 0, a missing rate), or why it stored nothing at all.
 */
public record FetchOutcome(Status status, List<String> stored, Map<String, String> refused, String detail) {

    public enum Status {
        /** No provider key is configured. */
        OFF,
        /** The schema is not migrated yet (the database was away at start-up). */
        NOT_READY,
        /** Another replica holds the fetch lock and is running it. */
        RUNNING_ELSEWHERE,
        /** Every metal has a row younger than the freshness window. */
        ALL_FRESH,
        /** The provider failed, timed out, answered garbage, or the circuit breaker is open. */
        PROVIDER_FAILED,
        /** The provider answered; {@code stored} lists what was written (possibly nothing). */
        FETCHED
    }

    static FetchOutcome of(Status status, String detail) {
        return new FetchOutcome(status, List.of(), Map.of(), detail);
    }
}
