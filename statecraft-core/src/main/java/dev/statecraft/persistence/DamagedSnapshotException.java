package dev.statecraft.persistence;

import dev.statecraft.StatecraftException;

/** A stored snapshot cannot be used: damaged bytes, another format, or another schema version of the state. */
public class DamagedSnapshotException extends StatecraftException {
    public DamagedSnapshotException(String message) {
        super(message);
    }

    public DamagedSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
