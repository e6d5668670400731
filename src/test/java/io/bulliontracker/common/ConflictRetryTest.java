package io.bulliontracker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures run a transaction again, how often, and what the client hears when it gives up. */
class ConflictRetryTest {

    private static PgException pg(String state) {
        return new PgException("conflict", "ERROR", state, null);
    }

    /** A transaction that fails with {@code failure} the first {@code failures} times it runs. */
    private static Uni<String> failing(AtomicInteger runs, int failures, RuntimeException failure) {
        return ConflictRetry.transaction(() -> runs.incrementAndGet() <= failures
                ? Uni.createFrom().failure(failure) : Uni.createFrom().item("committed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"40P01", "40001"})
    void aDeadlockOrSerializationFailureRunsTheWholeTransactionAgain(String state) {
        AtomicInteger runs = new AtomicInteger();
        assertEquals("committed", failing(runs, 2, pg(state)).await().atMost(Duration.ofSeconds(10)));
        assertEquals(3, runs.get());
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        AtomicInteger runs = new AtomicInteger();
        Uni<String> uni = failing(runs, 1, pg("23505"));
        assertThrows(PgException.class, () -> uni.await().atMost(Duration.ofSeconds(10)));
        assertEquals(1, runs.get());
    }

    @Test
    void aConflictThatOutlastsTheRetriesIsA503NamingTheCause() {
        AtomicInteger runs = new AtomicInteger();
        Uni<String> uni = failing(runs, Integer.MAX_VALUE, pg("40P01"));
        RuntimeException failure = assertThrows(RuntimeException.class, () -> uni.await().atMost(Duration.ofSeconds(10)));
        assertEquals(1 + ConflictRetry.RETRIES, runs.get());
        assertTrue(DatabaseFailures.isConcurrencyConflict(failure));

        Response response = ErrorResponses.from(failure);
        assertEquals(503, response.getStatus());
        assertEquals(ErrorResponses.RETRY_AFTER_SECONDS, response.getHeaderString("Retry-After"));
        assertEquals("Conflicting concurrent write (deadlock or serialization failure), retry later",
                ((ErrorBody) response.getEntity()).error());
    }
}
