package io.bulliontracker.refresh;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The one-run-among-all-replicas guard: a session-level PostgreSQL advisory lock, taken with
 * {@code pg_try_advisory_lock} (never waits) on a connection kept aside for the whole run. The lock lives
 * as long as that database session: released by the run at its end, and by PostgreSQL itself when the
 * session dies with the replica or the network, so a crashed run never blocks the next one.
 */
@ApplicationScoped
public class RefreshLock {

    /** Advisory locks are per database; this key means "the guide-price refresh" in ours. */
    static final long KEY = 0x6275_6c6c_7265_6672L; // "bullrefr"

    static final String TRY_LOCK = "SELECT pg_try_advisory_lock($1)";
    static final String UNLOCK = "SELECT pg_advisory_unlock($1)";

    private static final Logger LOG = Logger.getLogger(RefreshLock.class);

    private final Pool pool;

    public RefreshLock(Pool pool) {
        this.pool = pool;
    }

    /** The held lock, or null when another session holds it. */
    public Uni<Held> tryAcquire() {
        return pool.getConnection().flatMap(conn -> conn.preparedQuery(TRY_LOCK).execute(Tuple.of(KEY))
                .map(rows -> rows.iterator().next().getBoolean(0))
                .onFailure().call(conn::close)
                .flatMap(locked -> {
                    if (locked) {
                        return Uni.createFrom().item(new Held(conn));
                    }
                    return conn.close().replaceWith((Held) null);
                }));
    }

    /** A taken lock and the session that holds it. */
    public static final class Held {

        private final SqlConnection conn;
        private volatile boolean lost;

        private Held(SqlConnection conn) {
            this.conn = conn;
            // The session ended under the run (terminated, network cut): the lock went with it, and
            // another replica may start; the run must stop before its next batch.
            conn.closeHandler(() -> lost = true);
        }

        public boolean lost() {
            return lost;
        }

        /**
         * Unlocks, then hands the connection back to the pool. Never fails: when the unlock cannot be
         * sent the session is gone, and the lock with it.
         */
        public Uni<Void> release() {
            return conn.preparedQuery(UNLOCK).execute(Tuple.of(KEY))
                    .onFailure().invoke(e -> LOG.debugf("Advisory unlock not sent (session gone): %s", e))
                    .onFailure().recoverWithNull()
                    .eventually(conn::close)
                    .onFailure().recoverWithNull()
                    .replaceWithVoid();
        }
    }
}
