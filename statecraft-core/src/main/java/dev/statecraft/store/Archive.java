package dev.statecraft.store;

import java.util.List;
import java.util.Optional;

/** History of finished games. */
public interface Archive {

    /**
     * Writes the history record and removes the game from the active tables (catalog, events, command
     * records, snapshots), in one step: afterwards the game is either fully archived or untouched.
     *
     * @throws dev.statecraft.GameNotFoundException if no active game has this id
     */
    void archive(ArchivedGame game);

    Optional<ArchivedGame> findArchived(String gameId);

    /** Archived games ordered by id, starting after {@code afterGameId} ("" for the first page). */
    List<ArchivedGame> listArchived(String afterGameId, int limit);
}
