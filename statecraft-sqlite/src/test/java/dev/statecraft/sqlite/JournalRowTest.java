package dev.statecraft.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.NewEvent;
import dev.statecraft.store.StoreException;
import dev.statecraft.store.StoredEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
        byte[] moved = "{\"x\":1}".getBytes();
        byte[] empty = new byte[0];
        byte[] braces = "{}".getBytes();
        List<EventJournal.Append> appends = List.of(
                append(5, "g-1", "c-1", 3, event("Moved", 2, moved), event("Hit", 1, empty)),
                append(5, "zone ☃ 北", "ид-2", 1, event("Entered", 1, large)),
                append(5, "g-1", "c-2", 5, event("Moved", 2, braces)));

        byte[] row = JournalRow.encode(appends);
        List<EventJournal.Append> read = JournalRow.decode(5, row);

        assertThat(row).hasSize(Crc32cTrailer.FRAME_LENGTH + appends.stream().mapToInt(append -> append.bytes().length).sum());
        assertThat(read).extracting(EventJournal.Append::row).containsOnly(5L);
        assertThat(read).extracting(EventJournal.Append::command).containsExactly(new CommandRecord("g-1", "c-1", 3, 4),
                new CommandRecord("zone ☃ 北", "ид-2", 1, 1), new CommandRecord("g-1", "c-2", 5, 5));
        assertThat(read.stream().flatMap(append -> append.events().stream()).toList()).usingRecursiveFieldByFieldElementComparator().containsExactly(
                new StoredEvent("g-1", 3, "Moved", 2, moved, AT, "c-1"),
                new StoredEvent("g-1", 4, "Hit", 1, empty, AT, "c-1"),
                new StoredEvent("zone ☃ 北", 1, "Entered", 1, large, AT, "ид-2"),
                new StoredEvent("g-1", 5, "Moved", 2, braces, AT, "c-2"));
    }

    @Test
    void a_row_is_written_byte_for_byte_as_the_format_says() {
        byte[] row = JournalRow.encode(List.of(append(9, "g", "ид", 3, event("Hit", 2, new byte[] {7, 8}))));

        ByteBuffer expected = ByteBuffer.allocate(row.length);
        expected.put((byte) 1).putInt(1); // format, one append
        expected.putInt(1).put((byte) 'g'); // the game id
        expected.putInt(4).put(new byte[] {(byte) 0xd0, (byte) 0xb8, (byte) 0xd0, (byte) 0xb4}); // the command id in UTF-8
        expected.putLong(Micros.of(AT)).putLong(3).putInt(1); // instant, first version, one event
        expected.putInt(3).put("Hit".getBytes(StandardCharsets.US_ASCII)).putInt(2).putInt(2).put(new byte[] {7, 8});
        CRC32C crc = new CRC32C();
        crc.update(expected.array(), 0, expected.position());
        expected.putInt((int) crc.getValue());
        assertThat(expected.hasRemaining()).isFalse();
        assertThat(row).isEqualTo(expected.array());
    }

    @Test
    void an_append_held_as_its_bytes_gives_back_its_command_instant_and_events() {
        byte[] payload = "{\"card\":\"7♠\"}".getBytes(StandardCharsets.UTF_8);
        EventJournal.Append append = append(4, "zone ☃ 北", "ид-\uD83D\uDE00", 7, event("移動", 3, payload), event("Hit", 1, new byte[0]));

        assertThat(append.lastVersion()).isEqualTo(8);
        assertThat(append.commandId()).isEqualTo("ид-\uD83D\uDE00");
        assertThat(append.command()).isEqualTo(new CommandRecord("zone ☃ 北", "ид-\uD83D\uDE00", 7, 8));
        assertThat(append.recordedAtMicros()).isEqualTo(Micros.of(AT));
        assertThat(append.events()).usingRecursiveFieldByFieldElementComparator().containsExactly(
                new StoredEvent("zone ☃ 北", 7, "移動", 3, payload, AT, "ид-\uD83D\uDE00"),
                new StoredEvent("zone ☃ 北", 8, "Hit", 1, new byte[0], AT, "ид-\uD83D\uDE00"));
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

    private static NewEvent event(String type, int schemaVersion, byte[] payload) {
        return new NewEvent(type, schemaVersion, payload);
    }

    private static EventJournal.Append append(long row, String gameId, String commandId, long firstVersion, NewEvent... events) {
        return EventJournal.Append.of(row, gameId, commandId, AT, firstVersion, List.of(events));
    }
}
