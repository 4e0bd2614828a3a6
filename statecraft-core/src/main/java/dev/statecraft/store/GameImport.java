package dev.statecraft.store;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A game and its whole history, to be written by {@link Store#importGame} at once: the record, then every
 * command's events at the versions they were first recorded at. Validated when made: the appends are all
 * for this game, each starts where the previous one ended (the first at version 0), and no command id
 * appears twice, so a store can check the game's id and then write everything without refusing half way.
 */
public record GameImport(GameRecord game, List<AppendRequest> history) {
    public GameImport {
        Objects.requireNonNull(game, "game");
        history = List.copyOf(history);
        long version = 0;
        Set<String> commandIds = new HashSet<>();
        for (AppendRequest append : history) {
            if (!append.gameId().equals(game.gameId())) {
                throw new IllegalArgumentException("game " + game.gameId() + ": its history holds an append for game " + append.gameId());
            }
            if (append.expectedVersion() != version) {
                throw new IllegalArgumentException("game " + game.gameId() + ": command " + append.commandId() + " follows version "
                        + append.expectedVersion() + ", but the history before it ends at version " + version);
            }
            if (!commandIds.add(append.commandId())) {
                throw new IllegalArgumentException("game " + game.gameId() + ": command id " + append.commandId() + " appears twice in its history");
            }
            version = append.lastVersion();
        }
    }

    public String gameId() {
        return game.gameId();
    }
}
