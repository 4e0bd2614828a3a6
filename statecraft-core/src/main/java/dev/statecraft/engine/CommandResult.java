package dev.statecraft.engine;

import java.util.Objects;

/** The outcome of a command. A retried command id gets an outcome equal to the first one. */
public sealed interface CommandResult {

    String gameId();

    String commandId();

    /** The game's version after the command: the last version it wrote, or the version it was rejected at. */
    long version();

    /** The command's events were applied as versions {@code version - eventCount + 1 .. version}. */
    record Accepted(String gameId, String commandId, long version, int eventCount) implements CommandResult {
    }

    /** Nothing changed. {@code code} is a stable kebab-case word (see {@link dev.statecraft.rules.ReasonCode}). */
    record Rejected(String gameId, String commandId, long version, String code, String message) implements CommandResult {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }
}
