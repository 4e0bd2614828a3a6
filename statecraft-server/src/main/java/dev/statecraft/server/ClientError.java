package dev.statecraft.server;

import java.util.Objects;

/**
 * What a client did wrong, as a stable kebab-case code and a sentence. Every refusal the server sends
 * is one of these; docs/PROTOCOL.md lists the codes. Command rejections by a game's rules use the rules'
 * own reason codes ({@link dev.statecraft.rules.ReasonCode}) and are not client errors.
 */
public record ClientError(String code, int httpStatus, String message) {
    public static final String MALFORMED_JSON = "malformed-json";
    public static final String UNKNOWN_TYPE = "unknown-type";
    public static final String MISSING_FIELD = "missing-field";
    public static final String INVALID_FIELD = "invalid-field";
    public static final String UNKNOWN_GAME = "unknown-game";
    public static final String UNKNOWN_GAME_TYPE = "unknown-game-type";
    public static final String GAME_EXISTS = "game-exists";
    public static final String INVALID_SETUP = "invalid-setup";
    public static final String NOT_JOINED = "not-joined";
    public static final String TOO_FAR_BEHIND = "too-far-behind";
    public static final String TOO_MANY_SUBSCRIPTIONS = "too-many-subscriptions";
    public static final String FORBIDDEN = "forbidden";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String FRAME_TOO_LARGE = "frame-too-large";
    public static final String WRONG_ORIGIN = "wrong-origin";
    public static final String TOO_MANY_CONNECTIONS = "too-many-connections";
    public static final String BUSY = "busy";
    public static final String NOT_FOUND = "not-found";
    public static final String INTERNAL = "internal-error";

    public ClientError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static ClientError of(String code, String message) {
        return new ClientError(code, statusOf(code), message);
    }

    private static int statusOf(String code) {
        return switch (code) {
            case UNAUTHORIZED -> 401;
            case FORBIDDEN, WRONG_ORIGIN -> 403;
            case UNKNOWN_GAME, UNKNOWN_GAME_TYPE, NOT_FOUND -> 404;
            case GAME_EXISTS, TOO_FAR_BEHIND -> 409;
            case FRAME_TOO_LARGE -> 413;
            case RATE_LIMITED, TOO_MANY_SUBSCRIPTIONS -> 429;
            case TOO_MANY_CONNECTIONS, BUSY -> 503;
            case INTERNAL -> 500;
            default -> 400;
        };
    }

    /** Thrown where a request is found wrong; the server turns it into an error reply. */
    public ClientErrorException exception() {
        return new ClientErrorException(this);
    }

    public static ClientErrorException refuse(String code, String message) {
        return of(code, message).exception();
    }
}
