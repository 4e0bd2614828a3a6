package dev.statecraft.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The history record of a finished game: its final state, outcome and duration, and its whole event
 * stream as a replay bundle. Payloads are opaque to the store.
 */
public record ArchivedGame(
        String gameId,
        String gameType,
        Map<String, String> setup,
        Instant createdAt,
        Instant finishedAt,
        String outcome,
        long finalVersion,
        long eventCount,
        int stateSchemaVersion,
        byte[] finalState,
        byte[] replayBundle) {

    public ArchivedGame {
        Objects.requireNonNull(gameId, "gameId");
        WellFormed.requireWellFormed(gameId, "gameId");
        Objects.requireNonNull(gameType, "gameType");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(finalState, "finalState");
        Objects.requireNonNull(replayBundle, "replayBundle");
        setup = Map.copyOf(setup);
    }

    public Duration duration() {
        return Duration.between(createdAt, finishedAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchivedGame a && gameId.equals(a.gameId) && gameType.equals(a.gameType) && setup.equals(a.setup)
                && createdAt.equals(a.createdAt) && finishedAt.equals(a.finishedAt) && outcome.equals(a.outcome)
                && finalVersion == a.finalVersion && eventCount == a.eventCount && stateSchemaVersion == a.stateSchemaVersion
                && Arrays.equals(finalState, a.finalState) && Arrays.equals(replayBundle, a.replayBundle);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gameId, finalVersion, Arrays.hashCode(finalState), Arrays.hashCode(replayBundle));
    }

    @Override
    public String toString() {
        return "ArchivedGame[" + gameId + " (" + gameType + ") v" + finalVersion + ", " + outcome + ", " + eventCount + " events]";
    }
}
