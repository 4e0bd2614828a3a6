package dev.statecraft.store;

import dev.statecraft.StatecraftException;

/** A store could not do what was asked. Subclasses say why; a plain one wraps an I/O or database failure. */
public class StoreException extends StatecraftException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
