package dev.statecraft.cli;

/** The exit codes of every {@code statecraft} command; docs/CLI.md lists them. */
final class ExitCodes {
    static final int OK = 0;
    /** verify found a snapshot that does not match its replay, or is damaged. */
    static final int MISMATCH = 1;
    /** A bad option or argument: an unknown option, a bad instant, a version the game does not have. */
    static final int USAGE = 2;
    /** The data folder, the game or the file named does not exist. */
    static final int NOT_FOUND = 3;
    /** import: the game id is already taken in the target data folder. */
    static final int ALREADY_EXISTS = 4;
    /** The store or a file could not be read or written. */
    static final int FAILURE = 5;

    private ExitCodes() {
    }
}
