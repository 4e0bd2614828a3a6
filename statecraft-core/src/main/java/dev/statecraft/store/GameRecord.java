package dev.statecraft.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** An active game as the catalog knows it: what type it is and what it was created with. */
public record GameRecord(String gameId, String gameType, Map<String, String> setup, Instant createdAt) {
    public GameRecord {
        Objects.requireNonNull(gameId, "gameId");
        WellFormed.requireWellFormed(gameId, "gameId");
        Objects.requireNonNull(gameType, "gameType");
        Objects.requireNonNull(createdAt, "createdAt");
        setup = Map.copyOf(setup);
    }
}
