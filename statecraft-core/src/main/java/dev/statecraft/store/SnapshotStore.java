package dev.statecraft.store;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Stored copies of game states, at most one per game and version. */
public interface SnapshotStore {

    /** Saves {@code snapshot}, replacing one already stored for the same game and version. */
    void save(Snapshot snapshot);

    /** Starts a save and returns at once; see {@link EventLog#appendAsync}. */
    default CompletableFuture<Void> saveAsync(Snapshot snapshot) {
        try {
            save(snapshot);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    Optional<Snapshot> latest(String gameId);

    Optional<Snapshot> latestAtOrBefore(String gameId, long version);
}
