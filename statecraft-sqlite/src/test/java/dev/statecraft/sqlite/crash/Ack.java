package dev.statecraft.sqlite.crash;

import dev.statecraft.engine.CommandResult;

/**
 * One acknowledged command as the crash child reports it on its standard output, one line each:
 * {@code ACK <gameId> <commandId> <version> <eventCount> <epochMillis> <kind>}. The command produced
 * versions {@code version - eventCount + 1 .. version}; {@code kind} says whether it was new or a retry
 * of a command id already accepted.
 */
record Ack(String gameId, String commandId, long version, int eventCount, long ackedAtMillis, Kind kind) {
    static final String PREFIX = "ACK ";

    enum Kind {
        /** First submission of the command id. */
        NEW,
        /** The command id resubmitted by the same child; the engine must answer with the first outcome. */
        RETRY,
        /** The command id of a stored event resubmitted by a later child, after a kill and a restart. */
        RESTART_RETRY
    }

    static Ack of(CommandResult.Accepted accepted, long ackedAtMillis, Kind kind) {
        return new Ack(accepted.gameId(), accepted.commandId(), accepted.version(), accepted.eventCount(), ackedAtMillis, kind);
    }

    long firstVersion() {
        return version - eventCount + 1;
    }

    Key key() {
        return new Key(gameId, commandId);
    }

    String line() {
        return PREFIX + gameId + ' ' + commandId + ' ' + version + ' ' + eventCount + ' ' + ackedAtMillis + ' ' + kind;
    }

    static boolean isAck(String line) {
        return line.startsWith(PREFIX);
    }

    /** @throws IllegalArgumentException if {@code line} is not a whole ACK line */
    static Ack parse(String line) {
        String[] parts = line.split(" ");
        if (parts.length != 7 || !line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an ACK line of 7 fields: '" + line + "'");
        }
        try {
            return new Ack(parts[1], parts[2], Long.parseLong(parts[3]), Integer.parseInt(parts[4]), Long.parseLong(parts[5]),
                    Kind.valueOf(parts[6]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed ACK line '" + line + "': " + e.getMessage(), e);
        }
    }

    /** A command as the store keys it: command ids are unique per game. */
    record Key(String gameId, String commandId) {
        @Override
        public String toString() {
            return gameId + "/" + commandId;
        }
    }
}
