package io.bulliontracker.bench;

import io.bulliontracker.common.DatabasePoolCreator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Connections of the same client the service uses (the Vert.x PostgreSQL client from the jar's
 * lib/main), with the setting that matters for timing the same as the service's: Quarkus caches
 * prepared statements on PostgreSQL connections by default, so the floor and the baseline do too.
 */
final class Database implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final BenchSettings settings;

    Database(BenchSettings settings) {
        this.settings = settings;
    }

    /** A connection straight to PostgreSQL. */
    PgConnection direct() {
        return connect(settings.dbPort());
    }

    /** A connection through the statement-counting proxy. */
    PgConnection counted() {
        return connect(settings.proxyPort());
    }

    private PgConnection connect(int port) {
        PgConnectOptions options = new PgConnectOptions()
                .setHost(settings.dbHost()).setPort(port).setDatabase(settings.dbName())
                .setUser(settings.dbUser()).setPassword("")
                // As the service's pool does: statements bound to large arrays are planned at each call.
                .setCachePreparedStatements(true)
                .setPreparedStatementCacheSqlFilter(DatabasePoolCreator::cached);
        return await(PgConnection.connect(vertx, options));
    }

    /**
     * Waits for a whole chain of statements. Floor and baseline each build one future per request and
     * wait once at the end: their statements then follow each other on the connection's event loop,
     * as the service's do, without a thread hand-off per statement.
     */
    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("a database call took over 10 minutes", e);
        }
    }

    @Override
    public void close() {
        await(vertx.close());
    }
}
