package io.bulliontracker.health;

import io.bulliontracker.common.BullionConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers a round trip. Asynchronous and bounded, so a database that
 * vanished turns readiness DOWN within the timeout without ever blocking an event-loop thread, and a
 * database that returns turns it UP on the next probe.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements AsyncHealthCheck {

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
                .map(rows -> HealthCheckResponse.up("database"))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("database").down()
                        .withData("reason", failure.getClass().getSimpleName()).build());
    }
}
