package dev.statecraft.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Append-only log of every game's events. Versions of a game start at 1 and have no gaps. */
public interface EventLog {

    /**
     * Appends all events of {@code request} or none.
     *
     * @return the game's version after the append
     * @throws VersionConflictException if the game is not at the expected version
     * @throws DuplicateCommandException if the game already recorded the command id, whatever the expected version:
     *     a retry of a stored append is told it is a duplicate, not that it conflicts
     */
    long append(AppendRequest request);

    /**
     * Starts an append and returns at once; stores that group writes (SQLite's group commit) make
     * appends started together durable together. Appends of one game complete in the order started.
     */
    default CompletableFuture<Long> appendAsync(AppendRequest request) {
        try {
            return CompletableFuture.completedFuture(append(request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Events with {@code fromVersion <= version <= toVersion}, in order; fewer when the log ends sooner. */
    List<StoredEvent> read(String gameId, long fromVersion, long toVersion);

    /** Every event recorded at or before {@code instant}, in order. */
    List<StoredEvent> readUpTo(String gameId, Instant instant);

    /** The game's last version, 0 when it has no events. */
    long lastVersion(String gameId);

    Optional<CommandRecord> findCommand(String gameId, String commandId);
}
