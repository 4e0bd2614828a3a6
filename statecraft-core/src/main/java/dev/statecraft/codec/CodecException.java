package dev.statecraft.codec;

import dev.statecraft.StatecraftException;

/** A value could not be written as JSON, or bytes could not be read as the expected type. */
public class CodecException extends StatecraftException {
    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
