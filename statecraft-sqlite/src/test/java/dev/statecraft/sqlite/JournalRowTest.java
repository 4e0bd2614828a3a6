package dev.statecraft.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.StoreException;
import dev.statecraft.store.StoredEvent;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** The bytes of a journal row: what is written reads back the same, and a damaged row is refused, naming it. */
class JournalRowTest {
    private static final Instant AT = Instant.parse("2026-12-03T14:00:00.123456Z");

    @Test
    void appends_of_several_games_read_back_as_they_were_written() {
        byte[] large = new byte[100_000]; // past the first buffer, so it grows
        new Random(7).nextBytes(large);
        List<EventJournal.Append> appends = List.of(
                append(5, "g-1", "c-1", 3, event("Moved", 2, "{\"x\":1}".getBytes()), event("Hit", 1, new byte[0])),
                append(5, "zone ☃ 北", "ид-2", 1, event("Entered", 1, large)),
                append(5, "g-1", "c-2", 5, event("Moved", 2, "{}".getBytes())));

        List<EventJournal.Append> read = JournalRow.decode(5, JournalRow.encode(appends));

        assertThat(read).hasSize(3);
        for (int i = 0; i < appends.size(); i++) {
            assertThat(read.get(i).row()).isEqualTo(5);
            assertThat(read.get(i).command()).isEqualTo(appends.get(i).command());
            assertThat(read.get(i).events()).usingRecursiveFieldByFieldElementComparator().isEqualTo(appends.get(i).events());
        }
    }

    @Test
    void a_row_cut_short_of_another_format_or_with_any_byte_changed_is_refused_naming_it() {
        byte[] row = JournalRow.encode(List.of(append(9, "g-1", "c-1", 1, event("Moved", 1, "{}".getBytes()))));
        byte[] otherFormat = row.clone();
        otherFormat[0] = 2;
        byte[] flipped = row.clone();
        flipped[row.length - 6] ^= 1; // in the payload

        assertRefused(Arrays.copyOf(row, row.length - 1), "event_journal row 9: checksum mismatch");
        assertRefused(Arrays.copyOf(row, row.length + 1), "event_journal row 9: checksum mismatch");
        assertRefused(flipped, "event_journal row 9: checksum mismatch");
        assertRefused(otherFormat, "event_journal row 9: unknown format 2");
        assertRefused(new byte[0], "event_journal row 9: cut short");
        assertRefused(new byte[] {1, 0, 0}, "event_journal row 9: cut short (3 bytes)");
    }

    @Test
    void a_row_whose_checksum_holds_but_whose_contents_cannot_be_is_refused_too() {
        byte[] body = withoutCrc(JournalRow.encode(List.of(append(9, "g-1", "c-1", 1, event("Moved", 1, "{}".getBytes())))));

        byte[] hugeLength = body.clone();
        ByteBuffer.wrap(hugeLength).putInt(5, Integer.MAX_VALUE); // the game id's length
        assertRefused(withCrc(hugeLength), "a length of 2147483647");
        byte[] notUtf8 = body.clone();
        notUtf8[9] = (byte) 0xff; // the game id's first byte
        assertRefused(withCrc(notUtf8), "MalformedInputException");
        byte[] noAppends = body.clone();
        ByteBuffer.wrap(noAppends).putInt(1, 0);
        assertRefused(withCrc(noAppends), "0 appends");
        assertRefused(withCrc(Arrays.copyOf(body, body.length + 1)), "1 bytes after its last append");
    }

    private static void assertRefused(byte[] row, String message) {
        assertThatThrownBy(() -> JournalRow.decode(9, row)).isInstanceOf(StoreException.class).hasMessageContaining(message);
    }

    private static byte[] withoutCrc(byte[] row) {
        return Arrays.copyOf(row, row.length - Integer.BYTES);
    }

    private static byte[] withCrc(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return ByteBuffer.allocate(body.length + Integer.BYTES).put(body).putInt((int) crc.getValue()).array();
    }

    private record Event(String type, int schemaVersion, byte[] payload) {
    }

    private static Event event(String type, int schemaVersion, byte[] payload) {
        return new Event(type, schemaVersion, payload);
    }

    private static EventJournal.Append append(long row, String gameId, String commandId, long firstVersion, Event... events) {
        List<StoredEvent> stored = new ArrayList<>();
        for (Event e : events) {
            stored.add(new StoredEvent(gameId, firstVersion + stored.size(), e.type(), e.schemaVersion(), e.payload(), AT, commandId));
        }
        return new EventJournal.Append(row, new CommandRecord(gameId, commandId, firstVersion, firstVersion + events.length - 1), stored);
    }
}
