package io.bulliontracker.health;

import io.bulliontracker.common.ErrorResponses;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Until the schema is migrated (the database was away at start-up) every API call is a 503. The check
 * runs once the route is matched, so the 503 is counted under the route's template in the metrics
 * ({@code /api/collection/{id}}), not under each raw path a caller sends; a path that names no route is
 * a 404, as it always is.
 */
public class SchemaReadyFilter {

    private final SchemaMigration schema;

    public SchemaReadyFilter(SchemaMigration schema) {
        this.schema = schema;
    }

    @ServerRequestFilter
    public Optional<Response> refuseUntilMigrated() {
        return schema.isMigrated() ? Optional.empty() : Optional.of(ErrorResponses.unavailable());
    }
}
