package dev.statecraft.engine;

import dev.statecraft.StatecraftException;

/** A game type name the engine has no registration for. */
public class UnknownGameTypeException extends StatecraftException {
    public UnknownGameTypeException(String message) {
        super(message);
    }
}
