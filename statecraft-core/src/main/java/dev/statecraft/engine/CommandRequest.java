package dev.statecraft.engine;

import dev.statecraft.rules.Actor;
import dev.statecraft.store.WellFormed;
import java.util.Objects;

/**
 * A command as a client sends it: a client-chosen command id (a retry reuses it), who sends it, the
 * command record, and optionally the version the client expects the game to be at.
 */
public record CommandRequest(String commandId, Actor actor, Object command, long expectedVersion) {
    /** {@code expectedVersion} meaning "whatever the current version is". */
    public static final long ANY_VERSION = -1;
    public static final int MAX_COMMAND_ID_LENGTH = 128;

    public CommandRequest {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(command, "command");
        if (commandId.isBlank() || commandId.length() > MAX_COMMAND_ID_LENGTH) {
            throw new IllegalArgumentException("commandId must be 1 to " + MAX_COMMAND_ID_LENGTH + " characters, not blank (was '" + commandId + "')");
        }
        WellFormed.requireWellFormed(commandId, "commandId");
        if (expectedVersion < ANY_VERSION) {
            throw new IllegalArgumentException("expectedVersion must be >= 0, or ANY_VERSION (was " + expectedVersion + ")");
        }
    }

    public static CommandRequest of(String commandId, Actor actor, Object command) {
        return new CommandRequest(commandId, actor, command, ANY_VERSION);
    }

    /** The same request, accepted only if the game is at {@code version} when it is decided. */
    public CommandRequest expecting(long version) {
        return new CommandRequest(commandId, actor, command, version);
    }
}
