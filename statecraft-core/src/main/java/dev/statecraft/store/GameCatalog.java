package dev.statecraft.store;

import java.util.List;
import java.util.Optional;

/** The registry of active games. */
public interface GameCatalog {

    /** @throws GameAlreadyExistsException if the id is taken by an active or archived game */
    void register(GameRecord game);

    Optional<GameRecord> find(String gameId);

    /** Active games ordered by id, starting after {@code afterGameId} ("" for the first page). */
    List<GameRecord> list(String afterGameId, int limit);

    /** Up to {@code limit} active games, most recently written first (their last event, snapshot, or creation). */
    List<GameRecord> mostRecentlyActive(int limit);
}
