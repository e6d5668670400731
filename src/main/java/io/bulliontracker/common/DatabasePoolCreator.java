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
import java.util.regex.Pattern;

/**
 * The reactive pool with the time limits Quarkus does not expose as settings: how long to wait for a
 * TCP connect, for a free connection, and for one statement on the server. A database that is away
 * then costs a request seconds, never a hang.
 *
 * <p>It also keeps statements bound to arrays out of the client's prepared-statement cache (see
 * {@link #cached(String)}).
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

    /** An array parameter as our SQL writes it: {@code $1::text[]}, {@code $3::numeric[]}. */
    private static final Pattern ARRAY_PARAMETER = Pattern.compile("\\$\\d+::\\w+\\[]");

    /**
     * Whether the client may keep a statement prepared on its connection. Not a statement bound to arrays
     * (the keys of a collection, the rows of an import): PostgreSQL plans a statement it has seen prepared
     * five times once, generically, and a generic plan cannot know how many elements an array holds, so
     * it plans for a handful and searches an index once per element at every size (measured: prices at
     * the cut-off for 10,000 keys 125 ms through a cached statement, 30 ms planned with its arrays). An
     * uncached statement is planned at each call with its actual parameters; that planning costs well
     * under a millisecond. Every other statement stays cached. Above 2,048 characters nothing is cached
     * (the client's default limit, kept).
     */
    public static boolean cached(String sql) {
        return sql.length() < SqlConnectOptions.DEFAULT_PREPARED_STATEMENT_CACHE_SQL_LIMIT
                && !ARRAY_PARAMETER.matcher(sql).find();
    }
}
