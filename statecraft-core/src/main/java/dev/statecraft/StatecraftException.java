package dev.statecraft;

/** Base of every exception Statecraft core throws. Unchecked; subclasses carry the data that explains them. */
public class StatecraftException extends RuntimeException {
    public StatecraftException(String message) {
        super(message);
    }

    public StatecraftException(String message, Throwable cause) {
        super(message, cause);
    }
}
