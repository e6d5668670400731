package io.bulliontracker.health;

import io.bulliontracker.common.BullionConfig;
import io.bulliontracker.common.DatabaseFailures;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Migrates the schema at start-up, like Flyway's migrate-at-start, with one difference: a database
 * that cannot be reached does not stop the service from starting. It keeps trying in the background;
 * until it has succeeded, readiness is DOWN and the API answers 503. A migration that fails for any
 * other reason (a broken script) still stops start-up, as it should.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);

    private final Flyway flyway;
    private final Vertx vertx;
    private final Duration retryEvery;
    private volatile boolean migrated;

    public SchemaMigration(Flyway flyway, Vertx vertx, BullionConfig config) {
        this.flyway = flyway;
        this.vertx = vertx;
        this.retryEvery = config.db().migrationRetry();
    }

    public boolean isMigrated() {
        return migrated;
    }

    void onStart(@Observes StartupEvent started) {
        if (!tryMigrate()) {
            LOG.warnf("Database unreachable at start-up: serving 503 and retrying the migration every %s", retryEvery);
            scheduleRetry();
        }
    }

    private void scheduleRetry() {
        vertx.setTimer(retryEvery.toMillis(), id -> vertx.executeBlocking(() -> tryMigrate(), false)
                .onComplete(done -> {
                    if (done.failed() || !done.result()) {
                        scheduleRetry();
                    }
                }));
    }

    /** True once migrated; false when the database could not be reached; throws on any other failure. */
    private boolean tryMigrate() {
        try {
            flyway.migrate();
            migrated = true;
            LOG.info("Database schema is migrated");
            return true;
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                return false;
            }
            throw e;
        }
    }
}
