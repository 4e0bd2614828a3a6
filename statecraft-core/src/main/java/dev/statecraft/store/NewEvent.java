package dev.statecraft.store;

import java.util.Arrays;
import java.util.Objects;

/** An event about to be appended: its type name, the schema version of that type, and its encoded payload. */
public record NewEvent(String type, int schemaVersion, byte[] payload) {
    public NewEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1 (was " + schemaVersion + ")");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NewEvent e && type.equals(e.type) && schemaVersion == e.schemaVersion && Arrays.equals(payload, e.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, schemaVersion, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "NewEvent[" + type + " v" + schemaVersion + ", " + payload.length + " bytes]";
    }
}
