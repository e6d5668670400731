package io.bulliontracker.common;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds every database-backed request: past the deadline the client gets a 503 with Retry-After
 * instead of waiting on a slow or vanished database.
 */
@ApplicationScoped
public class DatabaseDeadline {

    private final Duration timeout;

    public DatabaseDeadline(@ConfigProperty(name = "bullion.db.request-timeout", defaultValue = "5s") Duration timeout) {
        this.timeout = timeout;
    }

    public <T> Uni<T> bound(Uni<T> work) {
        return work.ifNoItem().after(timeout)
                .failWith(() -> new DatabaseUnavailableException("Database did not answer within " + timeout, null));
    }
}
