package dev.statecraft.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/** One event as the store keeps it. {@code schemaVersion} is the version of the event type's shape when written. */
public record StoredEvent(String gameId, long version, String type, int schemaVersion, byte[] payload, Instant recordedAt, String commandId) {
    public StoredEvent {
        Objects.requireNonNull(gameId, "gameId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(commandId, "commandId");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredEvent e && gameId.equals(e.gameId) && version == e.version && type.equals(e.type)
                && schemaVersion == e.schemaVersion && Arrays.equals(payload, e.payload)
                && recordedAt.equals(e.recordedAt) && commandId.equals(e.commandId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gameId, version, type, schemaVersion, Arrays.hashCode(payload), recordedAt, commandId);
    }

    @Override
    public String toString() {
        return "StoredEvent[" + gameId + "@" + version + " " + type + " v" + schemaVersion + ", " + payload.length
                + " bytes, " + recordedAt + ", command " + commandId + "]";
    }
}
