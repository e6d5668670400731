package io.bulliontracker.collection;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/** Items are always read through their owner: another user's item is indistinguishable from none. */
@WithSession
@ApplicationScoped
public class CollectionItemRepository implements PanacheRepositoryBase<CollectionItem, String> {

    /** Newest first; ids break ties, compared byte by byte (the column is COLLATE "C"). */
    static final Sort NEWEST_FIRST = Sort.by("createdAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending);

    public Uni<CollectionItem> findOwned(String userId, String id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    /**
     * The owned item, its row locked until the transaction ends. An update reads, merges and writes
     * the whole row; without the lock two concurrent updates of different fields would each write back
     * the other's old values (a lost update), and an update racing a sync would write back the
     * numismatic value the sync replaced. The sync locks the same rows (FOR UPDATE, in id order), so
     * whichever comes second waits and then reads what the first committed. One row per request: no
     * lock order to get wrong, no deadlock with the sync.
     */
    public Uni<CollectionItem> lockOwned(String userId, String id) {
        return find("id = ?1 and userId = ?2", id, userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<List<CollectionItem>> listAll(String userId) {
        return find("userId = ?1", NEWEST_FIRST, userId).list();
    }

    /** Up to {@code count} items after the cursor item in the listing order (all from the top without one). */
    public Uni<List<CollectionItem>> pageAfter(String userId, CollectionItem cursor, int count) {
        if (cursor == null) {
            return find("userId = ?1", NEWEST_FIRST, userId).range(0, count - 1).list();
        }
        // "createdAt <= ?2" is implied by the rest; it is there so the (user, created_at, id) index
        // starts its scan at the cursor instead of filtering every newer row.
        return find("userId = ?1 and createdAt <= ?2 and (createdAt < ?2 or id < ?3)", NEWEST_FIRST,
                userId, cursor.createdAt, cursor.id).range(0, count - 1).list();
    }
}
