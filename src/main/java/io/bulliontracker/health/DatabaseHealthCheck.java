package io.bulliontracker.health;

import io.bulliontracker.common.BullionConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Ready only while the database answers a round trip. Asynchronous and bounded, so a database that
 * vanished turns readiness DOWN within the timeout without ever blocking an event-loop thread, and a
 * database that returns turns it UP on the next probe.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements AsyncHealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseHealthCheck.class);

    private final AtomicBoolean down = new AtomicBoolean();
    private final Pool pool;
    private final SchemaMigration schema;
    private final Duration timeout;

    public DatabaseHealthCheck(Pool pool, SchemaMigration schema, BullionConfig config) {
        this.pool = pool;
        this.schema = schema;
        this.timeout = config.health().dbTimeout();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (!schema.isMigrated()) {
            return Uni.createFrom().item(HealthCheckResponse.named("database").down()
                    .withData("reason", "schema not migrated yet").build());
        }
        return pool.query("SELECT 1").execute()
                .ifNoItem().after(timeout).fail()
                .map(rows -> {
                    if (down.compareAndSet(true, false)) {
                        LOG.info("Database reachable again: readiness UP");
                    }
                    return HealthCheckResponse.up("database");
                })
                .onFailure().recoverWithItem(this::down);
    }

    /**
     * The probe's body is read by whoever can reach /q/health, so it says what happened in plain words,
     * never an exception's class, host or port; the log keeps the detail, once per outage rather than on
     * every probe.
     */
    private HealthCheckResponse down(Throwable failure) {
        String reason = failure instanceof TimeoutException ? "timed out" : "database unreachable";
        if (down.compareAndSet(false, true)) {
            LOG.warnf("Readiness DOWN, %s: %s", reason, String.valueOf(failure));
        } else {
            LOG.debugf("Readiness still DOWN: %s", String.valueOf(failure));
        }
        return HealthCheckResponse.named("database").down().withData("reason", reason).build();
    }
}
