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
        byte[] large = new byte[100_000];
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
    void the_length_allowed_for_an_append_is_never_less_than_it_takes_and_equal_for_characters_of_three_bytes() {
        EventJournal.Append threeBytes = append(1, "北京", "☃☃", 1, event("移動", 1, new byte[10]));
        EventJournal.Append pairs = append(1, "g-\uD83D\uDE00", "\uD83D\uDE00", 1, event("Moved", 1, new byte[10]));
        EventJournal.Append ascii = append(1, "g-1", "c-1", 1, event("Moved", 1, new byte[10]));

        // Only the ASCII ids' and types' characters here take less than three bytes: none at all for the first append.
        assertThat((long) JournalRow.encode(List.of(threeBytes)).length - JournalRow.FRAME_LENGTH).isEqualTo(JournalRow.maxLength(threeBytes));
        assertThat((long) JournalRow.encode(List.of(pairs)).length - JournalRow.FRAME_LENGTH).isLessThanOrEqualTo(JournalRow.maxLength(pairs));
        assertThat((long) JournalRow.encode(List.of(ascii)).length - JournalRow.FRAME_LENGTH).isLessThanOrEqualTo(JournalRow.maxLength(ascii));
    }

    @Test
    void a_row_cut_short_longer_of_another_format_or_with_a_byte_flipped_is_refused_naming_it() {
        byte[] row = JournalRow.encode(List.of(append(9, "g-1", "c-1", 1, event("Moved", 1, "{}".getBytes()))));
        byte[] otherFormat = withoutCrc(row);
        otherFormat[0] = 2;
        byte[] flipped = row.clone();
        flipped[row.length - 6] ^= 1; // in the payload

        assertRefused(Arrays.copyOf(row, row.length - 1), "event_journal row 9: checksum mismatch");
        assertRefused(Arrays.copyOf(row, row.length + 1), "event_journal row 9: checksum mismatch");
        assertRefused(flipped, "event_journal row 9: checksum mismatch");
        assertRefused(withCrc(otherFormat), "event_journal row 9: unknown format 2");
        byte[] formatDamaged = row.clone();
        formatDamaged[0] = 2;
        assertRefused(formatDamaged, "event_journal row 9: checksum mismatch");
        assertRefused(new byte[0], "event_journal row 9: cut short");
        assertRefused(new byte[] {1, 0, 0}, "event_journal row 9: cut short (3 bytes)");
    }

    @Test
    void a_row_whose_checksum_holds_but_whose_contents_cannot_be_read_is_refused_too() {
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
        int counts = 1 + Integer.BYTES + (Integer.BYTES + 3) + (Integer.BYTES + 3) + Long.BYTES; // format, count, "g-1", "c-1", instant
        byte[] versionZero = body.clone();
        ByteBuffer.wrap(versionZero).putLong(counts, 0);
        assertRefused(withCrc(versionZero), "first version 0");
        byte[] noEvents = body.clone();
        ByteBuffer.wrap(noEvents).putInt(counts + Long.BYTES, 0);
        assertRefused(withCrc(noEvents), "0 events");
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
