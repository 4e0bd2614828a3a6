package dev.statecraft.store;

import java.util.Optional;

/** Stored copies of game states, at most one per game and version. */
public interface SnapshotStore {

    /** Saves {@code snapshot}, replacing one already stored for the same game and version. */
    void save(Snapshot snapshot);

    Optional<Snapshot> latest(String gameId);

    Optional<Snapshot> latestAtOrBefore(String gameId, long version);
}
