package io.bulliontracker.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * The service's own settings ({@code bullion.*}), each default written once, here. Every one can be
 * set by its environment variable ({@code bullion.db.request-timeout} is
 * {@code BULLION_DB_REQUEST_TIMEOUT}). A value out of its bounds stops start-up with a message naming
 * the property, rather than, say, a zero deadline that turns every request into a 503.
 *
 * <p>Other features map their own groups beside this one ({@code @ConfigMapping(prefix = "bullion.spot")})
 * or read a property another way ({@code @Scheduled(cron = "${bullion.refresh.cron}")}). Found on
 * Quarkus 3.33 / SmallRye Config 3.16: by default a mapping of the whole "bullion" prefix makes start-up
 * fail on every {@code bullion.*} property no mapping knows ("SRCFG00050: bullion.refresh.cron in
 * SysPropConfigSource does not map to any root"), which would also catch a newer release's setting
 * left in a ConfigMap. application.properties therefore sets
 * {@code smallrye.config.mapping.validate-unknown=false}; the price is that a misspelt
 * {@code bullion.*} name is ignored rather than refused. {@code common.ConfigurationTests} starts the
 * service with such properties, so an upgrade that changes this fails there.
 */
@ConfigMapping(prefix = "bullion")
public interface BullionConfig {

    Db db();

    Health health();

    /** Time limits on the database (see DatabasePoolCreator, DatabaseDeadline and SchemaMigration). */
    interface Db {

        /** TCP connect to PostgreSQL. */
        @WithDefault("2s")
        @DurationMin(millis = 1)
        Duration connectTimeout();

        /** Wait for a free pooled connection. */
        @WithDefault("3s")
        @DurationMin(millis = 1)
        Duration acquireTimeout();

        /** PostgreSQL's own {@code statement_timeout} on every pooled connection. */
        @WithDefault("10s")
        @DurationMin(millis = 1)
        Duration statementTimeout();

        /** Longest a request waits on the database before a 503 (a write answered 503 never commits). */
        @WithDefault("3s")
        @DurationMin(millis = 1)
        Duration requestTimeout();

        /**
         * Longest an admin import ({@code POST /api/coins}, {@code POST /api/coins/price-guide}) waits on the
         * database before a 503: a 100,000-row import can outlast the request timeout on a loaded machine.
         */
        @WithDefault("60s")
        @DurationMin(millis = 1)
        Duration importTimeout();

        /** Retry interval of the schema migration while the database is down at start-up. */
        @WithDefault("2s")
        @DurationMin(millis = 1)
        Duration migrationRetry();

        /** Requests queued for a pooled connection before the next one gets a 503. */
        @WithDefault("500")
        @Min(1)
        int maxWaitQueue();
    }

    interface Health {

        /** Bound on readiness' database round trip. */
        @WithDefault("1500ms")
        @DurationMin(millis = 1)
        Duration dbTimeout();
    }
}
