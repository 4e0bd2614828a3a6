package dev.statecraft.cli;

/** A failure the command explains in one line on stderr, with the exit code it ends with. */
final class CliException extends RuntimeException {
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
