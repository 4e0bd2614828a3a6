package dev.statecraft.rules;

import java.util.regex.Pattern;

/**
 * Reason codes shared by the engine and the example games. Games may use any other kebab-case code;
 * these are the ones clients can rely on across game types.
 */
public final class ReasonCode {
    /** The game's current phase does not accept this kind of command. */
    public static final String WRONG_PHASE = "wrong-phase";
    /** The actor may not act for this seat, or it is not this seat's turn. */
    public static final String WRONG_SEAT = "wrong-seat";
    /** The command names a player the game does not know. */
    public static final String UNKNOWN_PLAYER = "unknown-player";
    /** The command breaks the game's rules. */
    public static final String INVALID_MOVE = "invalid-move";
    /** The client's expected version is not the game's version. */
    public static final String VERSION_CONFLICT = "version-conflict";
    /** The command is not one of the game type's commands. */
    public static final String UNKNOWN_COMMAND = "unknown-command";
    /** No game has this id. */
    public static final String UNKNOWN_GAME = "unknown-game";
    /** The engine was opened read-only (to inspect a data folder); it accepts no commands. */
    public static final String READ_ONLY = "read-only";
    /** The game is finished and archived; it accepts no more commands. */
    public static final String GAME_ARCHIVED = "game-archived";
    /** The events would move the game between phases through a transition that is not declared or whose guard fails. */
    public static final String ILLEGAL_TRANSITION = "illegal-transition";

    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private ReasonCode() {
    }

    static boolean isWellFormed(String code) {
        return KEBAB.matcher(code).matches();
    }
}
