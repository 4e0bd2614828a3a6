package dev.statecraft.engine;

import dev.statecraft.StatecraftException;

/** Rules code threw or broke its contract (returned a foreign event, for example). The game is unchanged. */
public class RulesFailureException extends StatecraftException {
    public RulesFailureException(String message, Throwable cause) {
        super(message, cause);
    }

    public RulesFailureException(String message) {
        super(message);
    }
}
