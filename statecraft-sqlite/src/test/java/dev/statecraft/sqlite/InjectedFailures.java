package dev.statecraft.sqlite;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Real SQLite failures for tests, raised by triggers inside the writer's transaction. */
public final class InjectedFailures {
    private InjectedFailures() {
    }

    /**
     * A trigger that fails the insert of every journal row holding an append of {@code gameId}: a batch's row, or the
     * row of that game's own write once the batch runs one savepoint per write. It finds the game id as
     * {@link JournalRow} writes it, length first, so a longer id that starts the same does not match; but so written, a
     * command id, an event type or payload bytes equal to it match too: give tests ids that nothing else equals.
     */
    public static String failJournalRowsOf(String gameId) {
        byte[] id = gameId.getBytes(StandardCharsets.UTF_8);
        byte[] encoded = ByteBuffer.allocate(Integer.BYTES + id.length).putInt(id.length).put(id).array();
        return "CREATE TRIGGER fail_" + gameId.replaceAll("[^A-Za-z0-9]", "_") + " BEFORE INSERT ON event_journal "
                + "WHEN instr(NEW.appends, X'" + HexFormat.of().formatHex(encoded) + "') > 0 BEGIN SELECT RAISE(ABORT, 'injected failure'); END";
    }
}
