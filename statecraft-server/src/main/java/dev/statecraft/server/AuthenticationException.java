package dev.statecraft.server;

/** A token was missing, malformed, forged, of another algorithm, or expired. The message says which. */
public class AuthenticationException extends ServerException {
    public AuthenticationException(String message) {
        super(message);
    }
}
