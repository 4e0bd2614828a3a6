package dev.statecraft.sqlite.crash;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The crash child's report to the test, on its standard output. Each line goes out in one write of
 * fewer than 4096 bytes, which a pipe delivers whole, so a SIGKILL never leaves half a line behind:
 * once {@link #ack} returns, the test will read the acknowledgement even if the child dies at once.
 */
final class CrashReport {
    static final String READY = "READY";
    static final String VIOLATION = "VIOLATION ";
    static final String APPENDED = "APPENDED ";
    private static final int MAX_LINE = 4_000;

    private final FileOutputStream out = new FileOutputStream(FileDescriptor.out);

    void ready() {
        write(READY);
    }

    void ack(Ack ack) {
        write(ack.line());
    }

    /** {@link LongGamesChild}: an append of one event to {@code gameId} with {@code commandId} returned {@code version}. */
    void appended(String gameId, String commandId, long version) {
        write(APPENDED + gameId + " " + commandId + " " + version);
    }

    /** The child saw the engine break a promise on its own (a retry answered differently, a version that did not move as reported). */
    void violation(String message) {
        String oneLine = VIOLATION + message.replace('\n', ' ');
        write(oneLine.length() > MAX_LINE ? oneLine.substring(0, MAX_LINE) : oneLine);
    }

    private synchronized void write(String line) {
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the test stopped listening: there is nobody left to kill this child
            Runtime.getRuntime().halt(3);
        }
    }
}
