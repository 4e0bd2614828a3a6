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
    void a_row_cut_short_of_another_format_or_with_bytes_after_its_end_is_refused_naming_it() {
        byte[] row = JournalRow.encode(List.of(append(9, "g-1", "c-1", 1, event("Moved", 1, "{}".getBytes()))));
        byte[] otherFormat = row.clone();
        otherFormat[0] = 2;
        byte[] longer = Arrays.copyOf(row, row.length + 1);
        byte[] hugeLength = row.clone();
        ByteBuffer.wrap(hugeLength).putInt(5, Integer.MAX_VALUE); // the game id's length

        assertThatThrownBy(() -> JournalRow.decode(9, Arrays.copyOf(row, row.length - 1))).isInstanceOf(StoreException.class)
                .hasMessageContaining("event_journal row 9: cut short");
        assertThatThrownBy(() -> JournalRow.decode(9, otherFormat)).isInstanceOf(StoreException.class).hasMessageContaining("unknown format 2");
        assertThatThrownBy(() -> JournalRow.decode(9, longer)).isInstanceOf(StoreException.class).hasMessageContaining("1 bytes after its last append");
        assertThatThrownBy(() -> JournalRow.decode(9, hugeLength)).isInstanceOf(StoreException.class).hasMessageContaining("a length of 2147483647");
        assertThatThrownBy(() -> JournalRow.decode(9, new byte[0])).isInstanceOf(StoreException.class).hasMessageContaining("cut short");
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
