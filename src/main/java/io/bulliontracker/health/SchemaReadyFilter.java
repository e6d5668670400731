package io.bulliontracker.health;

import io.bulliontracker.common.ErrorResponses;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Until the schema is migrated (the database was away at start-up) every API call is a 503. */
public class SchemaReadyFilter {

    private final SchemaMigration schema;

    public SchemaReadyFilter(SchemaMigration schema) {
        this.schema = schema;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseUntilMigrated() {
        return schema.isMigrated() ? Optional.empty() : Optional.of(ErrorResponses.unavailable());
    }
}
