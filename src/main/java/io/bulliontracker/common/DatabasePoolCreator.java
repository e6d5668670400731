package io.bulliontracker.common;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reactive pool with the time limits Quarkus does not expose as settings: how long to wait for a
 * TCP connect, for a free connection, and for one statement on the server. A database that is away
 * then costs a request seconds, never a hang.
 *
 * <p>It also keeps statements bound to large arrays out of the client's prepared-statement cache, so
 * that PostgreSQL plans them with their parameters ({@link PlannedPerCall}).
 */
@Singleton
public class DatabasePoolCreator implements PgPoolCreator {

    private final Duration connectTimeout;
    private final Duration acquireTimeout;
    private final Duration statementTimeout;
    private final int maxWaitQueue;

    public DatabasePoolCreator(BullionConfig config) {
        this.connectTimeout = config.db().connectTimeout();
        this.acquireTimeout = config.db().acquireTimeout();
        this.statementTimeout = config.db().statementTimeout();
        this.maxWaitQueue = config.db().maxWaitQueue();
    }

    @Override
    public Pool create(Input input) {
        PoolOptions pool = input.poolOptions()
                .setConnectionTimeout((int) acquireTimeout.toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxWaitQueueSize(maxWaitQueue);
        List<SqlConnectOptions> servers = new ArrayList<>();
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            options.setConnectTimeout((int) connectTimeout.toMillis());
            options.addProperty("statement_timeout", String.valueOf(statementTimeout.toMillis()));
            options.setPreparedStatementCacheSqlFilter(DatabasePoolCreator::cached);
            servers.add(options);
        }
        return PgBuilder.pool().with(pool).connectingTo(servers).using(input.vertx()).build();
    }

    /**
     * Whether the client may keep a statement prepared on its connection: not one {@link PlannedPerCall}
     * marked for planning with its parameters, nor one of 2,048 characters or more (the client's default
     * limit, kept).
     */
    public static boolean cached(String sql) {
        return sql.length() < SqlConnectOptions.DEFAULT_PREPARED_STATEMENT_CACHE_SQL_LIMIT && !PlannedPerCall.marked(sql);
    }
}
