package io.bulliontracker.common;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Bounds every database-backed request: past the deadline the client gets a 503 with Retry-After
 * instead of waiting on a slow or vanished database.
 */
@ApplicationScoped
public class DatabaseDeadline {

    private final Duration timeout;
    private final Duration importTimeout;

    public DatabaseDeadline(BullionConfig config) {
        this.timeout = config.db().requestTimeout();
        this.importTimeout = config.db().importTimeout();
    }

    public <T> Uni<T> bound(Uni<T> work) {
        return work.ifNoItem().after(timeout).failWith(() -> unavailable(timeout));
    }

    /**
     * Bounds a transaction and keeps a promise the plain bound cannot: once the client has been told
     * 503, the transaction must not commit after all. The work receives a flag that turns true at the
     * deadline and passes its result through {@link #unlessExpired} just before its commit, which then
     * fails and rolls the transaction back instead.
     */
    public <T> Uni<T> transaction(Function<BooleanSupplier, Uni<T>> work) {
        return transaction(work, timeout);
    }

    /** {@link #transaction} with the admin imports' own, longer deadline ({@code bullion.db.import-timeout}). */
    public <T> Uni<T> importTransaction(Function<BooleanSupplier, Uni<T>> work) {
        return transaction(work, importTimeout);
    }

    private <T> Uni<T> transaction(Function<BooleanSupplier, Uni<T>> work, Duration limit) {
        AtomicBoolean expired = new AtomicBoolean();
        return work.apply(expired::get).ifNoItem().after(limit).failWith(() -> {
            expired.set(true);
            return unavailable(limit);
        });
    }

    public static <T> Uni<T> unlessExpired(BooleanSupplier expired, T result) {
        if (expired.getAsBoolean()) {
            return Uni.createFrom().failure(new DatabaseUnavailableException("Deadline passed before commit", null));
        }
        return Uni.createFrom().item(result);
    }

    private static DatabaseUnavailableException unavailable(Duration limit) {
        return new DatabaseUnavailableException("Database did not answer within " + limit, null);
    }
}
