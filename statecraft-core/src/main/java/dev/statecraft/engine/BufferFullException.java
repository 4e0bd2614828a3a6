package dev.statecraft.engine;

import dev.statecraft.store.StoreException;

/** The write-behind buffer stayed full for as long as a command may wait; the command was not applied. */
public class BufferFullException extends StoreException {
    public BufferFullException(String message) {
        super(message);
    }
}
