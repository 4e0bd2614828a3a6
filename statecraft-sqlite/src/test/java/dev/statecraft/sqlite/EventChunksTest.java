package dev.statecraft.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.NewEvent;
import dev.statecraft.store.StoreException;
import dev.statecraft.store.StoredEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A game's moved events as rows of {@code event_chunks} (decision record 0012), read back by version and by instant, checked, and migrated from {@code events}. */
class EventChunksTest {
    private static final long LAST = Long.MAX_VALUE;
    private static final int EVENTS = 3 * EventJournal.PER_GAME + 8;

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("statecraft.db");
    }

    @Test
    void a_games_events_moved_in_several_chunks_read_back_by_any_range_and_up_to_any_instant() throws SQLException {
        try (SqliteStore store = SqliteStore.open(file())) {
            for (int version = 1; version <= EVENTS; version++) {
                store.events().append(new AppendRequest("g", version - 1, "c-" + version, Instant.ofEpochSecond(version),
                        List.of(new NewEvent("Tick", 1, ("{\"v\":" + version + "}").getBytes()))));
            }
        }
        assertThat(count("SELECT COUNT(*) FROM event_chunks WHERE game_id = 'g'")).as("chunks: three moves of 64 and the close's").isEqualTo(4);

        try (SqliteStore store = SqliteStore.open(file())) {
            long[][] ranges = {{1, 1}, {1, LAST}, {64, 65}, {60, 130}, {65, 128}, {129, 129}, {190, LAST}, {EVENTS, EVENTS + 10}, {EVENTS + 1, LAST}, {0, 3}};
            for (long[] range : ranges) {
                List<StoredEvent> read = store.events().read("g", range[0], range[1]);
                assertThat(versions(read)).as("versions %d to %d", range[0], range[1]).isEqualTo(versions(Math.max(1, range[0]), Math.min(EVENTS, range[1])));
                read.forEach(event -> assertThat(event.payload()).asString().isEqualTo("{\"v\":" + event.version() + "}"));
                read.forEach(event -> assertThat(event.recordedAt()).isEqualTo(Instant.ofEpochSecond(event.version())));
            }
            for (long second : new long[] {0, 1, 63, 64, 65, 150, EVENTS, EVENTS + 5}) {
                assertThat(versions(store.events().readUpTo("g", Instant.ofEpochSecond(second)))).as("up to second %d", second)
                        .isEqualTo(versions(1, Math.min(EVENTS, second)));
            }
            assertThat(store.events().lastVersion("g")).isEqualTo(EVENTS);
            assertThat(store.events().findCommand("g", "c-100")).contains(new CommandRecord("g", "c-100", 100, 100));
        }
    }

    @Test
    void a_move_of_more_bytes_than_a_row_holds_writes_further_rows() throws SQLException {
        byte[] payload = new byte[5_000]; // 64 of them: 320,000 bytes, more than one row's 256 KiB
        try (SqliteStore store = SqliteStore.open(file())) {
            for (int version = 1; version <= EventJournal.PER_GAME; version++) {
                payload[0] = (byte) version;
                store.events().append(new AppendRequest("g", version - 1, "c-" + version, Instant.EPOCH, List.of(new NewEvent("Tick", 1, payload))));
            }
            assertThat(count("SELECT COUNT(*) FROM event_chunks WHERE game_id = 'g'")).isEqualTo(2);
            assertThat(count("SELECT MAX(LENGTH(appends)) FROM event_chunks")).isLessThanOrEqualTo(EventChunks.MAX_ROW_BYTES);
            List<StoredEvent> read = store.events().read("g", 1, LAST);
            assertThat(versions(read)).isEqualTo(versions(1, EventJournal.PER_GAME));
            assertThat(read).allSatisfy(event -> assertThat(event.payload()[0]).isEqualTo((byte) event.version()));
        }
    }

    @Test
    void a_chunk_that_does_not_hold_what_its_row_says_fails_the_read_naming_it_rather_than_serve_a_wrong_event() throws SQLException {
        try (SqliteStore store = SqliteStore.open(file())) {
            for (int version = 1; version <= 2 * EventJournal.PER_GAME; version++) {
                store.events().append(new AppendRequest("g", version - 1, "c-" + version, Instant.EPOCH, List.of(new NewEvent("Tick", 1, "{}".getBytes()))));
            }
        }
        byte[] appends = chunk("g", 1);
        byte[] flipped = appends.clone();
        flipped[flipped.length / 2] ^= 0x10;
        setChunk("g", 1, flipped);
        assertReadRefused("g", "event_chunks row of game g from version 1: checksum mismatch");
        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(versions(store.events().read("g", 65, 70))).as("a read of the second row only").isEqualTo(versions(65, 70));
        }

        setChunk("g", 1, appends);
        sql("UPDATE event_chunks SET first_version = 2 WHERE game_id = 'g' AND first_version = 1");
        assertReadRefused("g", "event_chunks row of game g from version 2: holds version 1 of game g");

        sql("UPDATE event_chunks SET first_version = 1, last_version = 70 WHERE game_id = 'g' AND first_version = 2");
        assertReadRefused("g", "event_chunks row of game g from version 1: ends at version 64, not at its last version 70");

        sql("UPDATE event_chunks SET last_version = 64, game_id = 'h' WHERE game_id = 'g' AND first_version = 1");
        assertReadRefused("h", "event_chunks row of game h from version 1: holds version 1 of game g");
    }

    /** Reading all of {@code gameId}'s events fails with {@code message}. */
    private void assertReadRefused(String gameId, String message) {
        try (SqliteStore store = SqliteStore.open(file())) {
            assertThatThrownBy(() -> store.events().read(gameId, 1, LAST)).isInstanceOf(StoreException.class).hasMessageContaining(message);
        }
    }

    @Test
    void a_store_of_schema_4_has_its_events_put_in_chunks_when_it_is_migrated_and_reads_them_back_as_they_were() throws SQLException {
        OlderSchema.migrate(file(), "4");
        byte[] large = new byte[100_000];
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file());
                PreparedStatement insert = sql.prepareStatement(
                        "INSERT INTO events (game_id, version, type, schema_version, payload, recorded_at, command_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            // g-1: one command of one event, one of two, then the same command id at another instant (two appends).
            Object[][] rows = {{"g-1", 1, "Tick", 1, "{\"a\":1}".getBytes(), 1_000_001L, "c-0"}, {"g-1", 2, "Tick", 2, "{}".getBytes(), 2_000_000L, "c-1"},
                    {"g-1", 3, "Tock", 1, new byte[0], 2_000_000L, "c-1"}, {"g-1", 4, "Tick", 1, "{}".getBytes(), 3_000_000L, "c-1"},
                    {"g-2", 1, "ゲーム", 7, "{}".getBytes(), 5L, "é"}};
            for (Object[] row : rows) {
                insertEvent(insert, row);
            }
            for (int version = 1; version <= 6; version++) { // 600 KB: more than two chunks' worth
                insertEvent(insert, new Object[] {"big", version, "Blob", 1, large, (long) version, "c-" + version});
            }
        }

        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(store.events().read("g-1", 1, LAST)).usingRecursiveFieldByFieldElementComparator().containsExactly(
                    new StoredEvent("g-1", 1, "Tick", 1, "{\"a\":1}".getBytes(), Instant.ofEpochSecond(1, 1_000), "c-0"),
                    new StoredEvent("g-1", 2, "Tick", 2, "{}".getBytes(), Instant.ofEpochSecond(2), "c-1"),
                    new StoredEvent("g-1", 3, "Tock", 1, new byte[0], Instant.ofEpochSecond(2), "c-1"),
                    new StoredEvent("g-1", 4, "Tick", 1, "{}".getBytes(), Instant.ofEpochSecond(3), "c-1"));
            assertThat(versions(store.events().readUpTo("g-1", Instant.ofEpochSecond(2)))).isEqualTo(versions(1, 3));
            assertThat(store.events().read("g-2", 1, LAST)).usingRecursiveFieldByFieldElementComparator()
                    .containsExactly(new StoredEvent("g-2", 1, "ゲーム", 7, "{}".getBytes(), Instant.EPOCH.plusNanos(5_000), "é"));
            List<StoredEvent> big = store.events().read("big", 1, LAST);
            assertThat(versions(big)).isEqualTo(versions(1, 6));
            assertThat(big).allSatisfy(event -> assertThat(event.payload()).isEqualTo(large));
            assertThat(store.events().lastVersion("g-1")).isEqualTo(4);
        }
        assertThat(count("SELECT COUNT(*) FROM event_chunks WHERE game_id = 'g-1'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM event_chunks WHERE game_id = 'big'")).as("rows of at most 256 KiB").isEqualTo(3);
        assertThat(count("SELECT newest_recorded_at FROM event_chunks WHERE game_id = 'g-1'")).isEqualTo(3_000_000);
        assertThat(count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'events'")).as("the old table").isZero();
    }

    @Test
    void a_store_of_schema_4_whose_events_have_a_gap_is_refused_naming_the_game_and_left_as_it_was() throws SQLException {
        OlderSchema.migrate(file(), "4");
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file());
                PreparedStatement insert = sql.prepareStatement(
                        "INSERT INTO events (game_id, version, type, schema_version, payload, recorded_at, command_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (long version : new long[] {1, 2, 4}) {
                insertEvent(insert, new Object[] {"g-1", version, "Tick", 1, "{}".getBytes(), 0L, "c-" + version});
            }
        }

        assertThatThrownBy(() -> SqliteStore.open(file())).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot migrate the schema of SQLite store " + file().toAbsolutePath())
                .hasMessageContaining("game g-1 has version 4 after 2");
        assertThat(count("SELECT COUNT(*) FROM events")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'event_chunks'")).isZero();
    }

    private static void insertEvent(PreparedStatement insert, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            insert.setObject(i + 1, row[i]);
        }
        insert.executeUpdate();
    }

    private byte[] chunk(String gameId, long firstVersion) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
                PreparedStatement select = c.prepareStatement("SELECT appends FROM event_chunks WHERE game_id = ? AND first_version = ?")) {
            select.setString(1, gameId);
            select.setLong(2, firstVersion);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    private void setChunk(String gameId, long firstVersion, byte[] appends) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
                PreparedStatement update = c.prepareStatement("UPDATE event_chunks SET appends = ? WHERE game_id = ? AND first_version = ?")) {
            update.setBytes(1, appends);
            update.setString(2, gameId);
            update.setLong(3, firstVersion);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private long count(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static List<Long> versions(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::version).toList();
    }

    private static List<Long> versions(long first, long last) {
        return first > last ? new ArrayList<>() : LongStream.rangeClosed(first, last).boxed().toList();
    }
}
