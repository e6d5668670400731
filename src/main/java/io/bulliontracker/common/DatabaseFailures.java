package io.bulliontracker.common;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a database that is away (retry later: 503) from a statement that failed (a bug or a
 * constraint: 500). Walks the cause chain because Hibernate Reactive and Mutiny wrap the driver's error.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailableException || t instanceof ClosedConnectionException
                    || t instanceof ConnectException
                    || t instanceof TimeoutException || t instanceof io.netty.channel.ConnectTimeoutException
                    || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
            if (isUnavailableState(sqlState(t))) {
                return true;
            }
            if (t instanceof IOException) {
                return true;
            }
            // The pool's acquisition time-out is a bare NoStackTraceThrowable("Timeout").
            if ((t instanceof VertxException || t instanceof NoStackTraceThrowable) && t.getMessage() != null) {
                String message = t.getMessage().toLowerCase();
                // The pool's acquisition time-out and a connection dropped mid-statement carry no
                // type of their own, only these messages.
                if (message.contains("timeout") || message.contains("connection") && message.contains("closed")
                        || message.contains("connection reset")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * SQLSTATE 40P01 (deadlock detected) or 40001 (serialization failure): PostgreSQL rolled the
     * transaction back because of a concurrent one, and the same transaction run again may well succeed.
     */
    public static boolean isConcurrencyConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = sqlState(t);
            if ("40P01".equals(state) || "40001".equals(state)) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE 22021: a text value PostgreSQL cannot store, such as one holding a NUL character. */
    public static boolean isUnrepresentableText(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if ("22021".equals(sqlState(t))) {
                return true;
            }
        }
        return false;
    }

    /**
     * 08: connection exceptions; 53: insufficient resources (too many connections); 57014: statement
     * time-out or cancel; 57P01-57P03: server shutting down or not yet accepting connections.
     */
    private static boolean isUnavailableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("53")
                || sqlState.equals("57014") || sqlState.startsWith("57P0"));
    }

    /** The SQLSTATE of the Vert.x driver's error, or of Hibernate Reactive's JDBC-style wrapper of it. */
    private static String sqlState(Throwable t) {
        if (t instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }
}
