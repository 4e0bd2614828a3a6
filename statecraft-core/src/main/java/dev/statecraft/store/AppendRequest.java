package dev.statecraft.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The events of one command, to be appended as versions {@code expectedVersion + 1 ...} of a game,
 * all or none, only if the game is still at {@code expectedVersion} and has not seen {@code commandId}.
 */
public record AppendRequest(String gameId, long expectedVersion, String commandId, Instant recordedAt, List<NewEvent> events) {
    public AppendRequest {
        Objects.requireNonNull(gameId, "gameId");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(recordedAt, "recordedAt");
        WellFormed.requireWellFormed(gameId, "gameId");
        WellFormed.requireWellFormed(commandId, "commandId");
        events = List.copyOf(events);
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must be >= 0 (was " + expectedVersion + ")");
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("game " + gameId + ": an append needs at least one event");
        }
    }

    public long lastVersion() {
        return expectedVersion + events.size();
    }
}
