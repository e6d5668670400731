package io.bulliontracker.common;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a write transaction again when PostgreSQL aborted it for a concurrent one (deadlock 40P01,
 * serialization failure 40001): the whole transaction, from its first statement, a few times with a
 * short jittered back-off so that the contenders do not meet again in step. Still conflicting after
 * that, the failure goes on and the client gets a 503 naming the cause (ErrorResponses).
 */
public final class ConflictRetry {

    /** Attempts after the first; with the back-off below they add at most about half a second. */
    static final int RETRIES = 4;
    static final Duration FIRST_BACK_OFF = Duration.ofMillis(20);
    static final Duration MAX_BACK_OFF = Duration.ofMillis(250);

    private ConflictRetry() {
    }

    public static <T> Uni<T> transaction(Supplier<Uni<? extends T>> transaction) {
        return Uni.createFrom().<T>deferred(transaction)
                .onFailure(DatabaseFailures::isConcurrencyConflict).retry()
                .withBackOff(FIRST_BACK_OFF, MAX_BACK_OFF).withJitter(0.5).atMost(RETRIES);
    }
}
