package dev.statecraft.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/** A stored copy of a game's state at a version. The payload is opaque to the store. */
public record Snapshot(String gameId, long version, int schemaVersion, byte[] payload, Instant takenAt) {
    public Snapshot {
        Objects.requireNonNull(gameId, "gameId");
        WellFormed.requireWellFormed(gameId, "gameId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(takenAt, "takenAt");
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0 (was " + version + ")");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot s && gameId.equals(s.gameId) && version == s.version && schemaVersion == s.schemaVersion
                && Arrays.equals(payload, s.payload) && takenAt.equals(s.takenAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gameId, version, schemaVersion, Arrays.hashCode(payload), takenAt);
    }

    @Override
    public String toString() {
        return "Snapshot[" + gameId + "@" + version + " schema " + schemaVersion + ", " + payload.length + " bytes, " + takenAt + "]";
    }
}
