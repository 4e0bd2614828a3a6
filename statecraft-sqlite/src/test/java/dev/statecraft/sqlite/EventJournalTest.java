package dev.statecraft.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.ArchivedGame;
import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.DuplicateCommandException;
import dev.statecraft.store.GameRecord;
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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Appends that reach {@code event_chunks} and {@code command_runs} through the journal (decision record 0011), checked in the
 * tables from a second connection, as another process would see them, and through the store's reads.
 */
class EventJournalTest {
    private static final long LAST = Long.MAX_VALUE;

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("statecraft.db");
    }

    @Test
    void a_games_appends_wait_in_the_journal_until_enough_do_then_move_together_and_every_read_sees_them_all_along() throws SQLException {
        int waiting = EventJournal.PER_GAME - 1;
        try (SqliteStore store = SqliteStore.open(file())) {
            for (int i = 0; i < waiting; i++) {
                append(store, "g-1", i, "c-" + i);
            }
            append(store, "g-2", 0, "c-0");
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks") + commands(null)).as("rows in the game tables").isZero();
            assertThat(count("SELECT COUNT(*) FROM event_journal")).isEqualTo(waiting + 1);
            assertReadsOfG1(store, waiting);
            assertThatThrownBy(() -> append(store, "g-1", waiting, "c-3")).isInstanceOf(DuplicateCommandException.class);

            append(store, "g-1", waiting, "c-" + waiting);
            append(store, "g-1", waiting + 1, "c-" + (waiting + 1));
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'g-1'")).as("g-1's events, moved together").isEqualTo(EventJournal.PER_GAME);
            assertThat(commands("g-1")).as("with their records").isEqualTo(EventJournal.PER_GAME);
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'g-2'")).as("g-2's one event still waits").isZero();
            assertThat(count("SELECT MIN(seq) FROM event_journal")).as("the head cut at the oldest row that waits, g-2's").isEqualTo(waiting + 1);
            assertReadsOfG1(store, waiting + 2);
            assertThatThrownBy(() -> append(store, "g-1", waiting + 2, "c-3")).isInstanceOf(DuplicateCommandException.class);
            assertThatThrownBy(() -> append(store, "g-2", 1, "c-0")).isInstanceOf(DuplicateCommandException.class);
        }
        assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks")).as("every event moved by the close").isEqualTo(EventJournal.PER_GAME + 2);
        assertThat(commands(null)).isEqualTo(EventJournal.PER_GAME + 2);
        assertThat(count("SELECT COUNT(*) FROM event_journal")).isZero();
        try (SqliteStore store = SqliteStore.open(file())) {
            assertReadsOfG1(store, waiting + 2);
        }
    }

    @Test
    void the_journal_keeps_its_own_copy_of_a_payload_whatever_the_caller_does_with_its_array_later() throws SQLException {
        byte[] payload = "{\"card\":7}".getBytes();
        try (SqliteStore store = SqliteStore.open(file())) {
            store.events().append(new AppendRequest("g-1", 0, "c-0", Instant.EPOCH, List.of(new NewEvent("Tick", 1, payload))));
            Arrays.fill(payload, (byte) '?');
            assertThat(store.events().read("g-1", 1, 1).getFirst().payload()).as("while it waits").asString().isEqualTo("{\"card\":7}");
        }
        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(count("SELECT COUNT(*) FROM event_journal")).as("moved by the close").isZero();
            assertThat(store.events().read("g-1", 1, 1).getFirst().payload()).as("once the close moved it").asString().isEqualTo("{\"card\":7}");
        }
    }

    /** g-1 holds {@code versions} events, event i recorded at second i - 1, whether they wait, have moved, or some of each. */
    private static void assertReadsOfG1(SqliteStore store, int versions) {
        assertThat(versions(store.events().read("g-1", 1, LAST))).isEqualTo(range(1, versions));
        assertThat(versions(store.events().read("g-1", 3, 5))).isEqualTo(range(3, 5));
        assertThat(versions(store.events().read("g-1", versions, versions + 5))).isEqualTo(List.of((long) versions));
        assertThat(versions(store.events().readUpTo("g-1", Instant.ofEpochSecond(4)))).isEqualTo(range(1, 5));
        assertThat(versions(store.events().readUpTo("g-1", Instant.ofEpochSecond(versions - 2)))).isEqualTo(range(1, versions - 1));
        assertThat(store.events().lastVersion("g-1")).isEqualTo(versions);
        assertThat(store.events().findCommand("g-1", "c-3")).contains(new CommandRecord("g-1", "c-3", 4, 4));
    }

    @Test
    void a_game_whose_oldest_waiting_row_falls_too_far_behind_moves_so_the_journal_stays_bounded() throws SQLException {
        int perAppend = 1_000;
        try (SqliteStore store = SqliteStore.open(file())) {
            append(store, "idle", 0, "c-0");
            for (int g = 0; g * perAppend <= EventJournal.MAX_SPAN; g++) {
                List<NewEvent> events = Collections.nCopies(perAppend, new NewEvent("Tick", 1, "{}".getBytes()));
                store.events().append(new AppendRequest("busy-" + g, 0, "c-0", Instant.EPOCH, events));
            }
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'idle'")).as("idle's one event, moved").isEqualTo(1);
            assertThat(count("SELECT COALESCE(MAX(seq) - MIN(seq), 0) FROM event_journal")).as("the journal's span, in events")
                    .isLessThanOrEqualTo(EventJournal.MAX_SPAN);
            assertThat(store.events().findCommand("idle", "c-0")).isPresent();
            assertThat(store.events().read("idle", 1, LAST)).hasSize(1);
        }
    }

    @Test
    void a_reader_racing_the_moves_sees_every_acknowledged_event_once_and_in_order_and_none_past_the_instant_it_asks_for() throws Exception {
        int appends = 3_000;
        AtomicLong acknowledged = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        try (SqliteStore store = SqliteStore.open(file())) {
            Thread reader = Thread.ofPlatform().start(() -> {
                while (!done.get() && problems.isEmpty()) {
                    long atLeast = acknowledged.get();
                    List<Long> read = versions(store.events().read("g", 1, LAST));
                    if (read.size() < atLeast || !read.equals(range(1, read.size()))) {
                        problems.add("after " + atLeast + " acknowledged, read " + read);
                    }
                    long second = atLeast / 2; // version v is recorded at second v - 1
                    List<Long> upTo = versions(store.events().readUpTo("g", Instant.ofEpochSecond(second)));
                    if (atLeast > 0 && !upTo.equals(range(1, second + 1))) {
                        problems.add("after " + atLeast + " acknowledged, read up to second " + second + ": " + upTo);
                    }
                }
            });
            // Other games share the batches, so that g's events move at every point of them.
            for (int i = 0; i < appends; i++) {
                CompletableFuture<Long> other = store.events().appendAsync(request("other-" + i % 7, i / 7, "c-" + i / 7));
                store.events().append(request("g", i, "c-" + i));
                acknowledged.set(i + 1);
                other.join();
            }
            done.set(true);
            reader.join();
        }
        assertThat(problems).isEmpty();
        assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'g'")).isEqualTo(appends);
    }

    @Test
    void reading_up_to_an_instant_stops_at_the_first_event_recorded_after_it_even_when_a_clock_went_back() {
        try (SqliteStore store = SqliteStore.open(file())) {
            for (int i = 0; i < EventJournal.PER_GAME; i++) {
                store.events().append(new AppendRequest("g", i, "c-" + i, Instant.ofEpochSecond(10), List.of(new NewEvent("Tick", 1, "{}".getBytes()))));
            }
            store.events().append(new AppendRequest("g", EventJournal.PER_GAME, "back", Instant.ofEpochSecond(5), List.of(new NewEvent("Tick", 1, "{}".getBytes()))));

            assertThat(store.events().readUpTo("g", Instant.ofEpochSecond(7))).as("version 1 came after second 7, so nothing is before it").isEmpty();
            assertThat(store.events().readUpTo("g", Instant.ofEpochSecond(10))).hasSize(EventJournal.PER_GAME + 1);
            store.events().append(new AppendRequest("g", EventJournal.PER_GAME + 1, "on", Instant.ofEpochSecond(20), List.of(new NewEvent("Tick", 1, "{}".getBytes()))));
        }
        try (SqliteStore store = SqliteStore.open(file())) { // every event now in the game's chunks
            assertThat(store.events().readUpTo("g", Instant.ofEpochSecond(7))).isEmpty();
            assertThat(versions(store.events().readUpTo("g", Instant.ofEpochSecond(10)))).isEqualTo(range(1, EventJournal.PER_GAME + 1));
        }
    }

    @Test
    void rows_a_stopped_process_left_in_the_journal_are_moved_when_the_store_opens_again_except_an_archived_games() throws SQLException {
        try (SqliteStore store = SqliteStore.open(file())) {
            append(store, "g-1", 0, "c-0");
            store.games().register(new GameRecord("done", "test", Map.of(), Instant.EPOCH));
            store.archive().archive(new ArchivedGame("done", "test", Map.of(), Instant.EPOCH, Instant.EPOCH, "over", 0, 0, 1, new byte[1], new byte[1]));
        }
        // What a process killed before its move leaves: journal rows only, one of them moved already.
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file());
                PreparedStatement insert = sql.prepareStatement("INSERT INTO event_journal (seq, appends) VALUES (?, ?)")) {
            insert.setLong(1, 7);
            insert.setBytes(2, JournalRow.encode(List.of(journaled(7, "g-1", "c-0", 1, "Tick"), journaled(7, "g-1", "c-1", 2, "Tick", "Tock"),
                    journaled(7, "done", "c-9", 1, "Tick"))));
            insert.executeUpdate();
            insert.setLong(1, 11);
            insert.setBytes(2, JournalRow.encode(List.of(journaled(11, "g-1", "c-2", 4, "Tick"))));
            insert.executeUpdate();
        }

        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(count("SELECT COUNT(*) FROM event_journal")).isZero();
            assertThat(versions(store.events().read("g-1", 1, LAST))).isEqualTo(range(1, 4));
            assertThat(commands("g-1")).isEqualTo(3);
            assertThat(store.events().findCommand("g-1", "c-1")).contains(new CommandRecord("g-1", "c-1", 2, 3));
            assertThatThrownBy(() -> append(store, "g-1", 4, "c-2")).isInstanceOf(DuplicateCommandException.class);
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'done'") + commands("done"))
                    .as("rows of an archived game").isZero();
        }
    }

    @Test
    void journal_appends_that_do_not_carry_on_from_a_games_stored_version_stop_the_opening_naming_the_row_and_move_nothing() throws SQLException {
        try (SqliteStore store = SqliteStore.open(file())) {
            append(store, "g-1", 0, "c-0");
        }
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file());
                PreparedStatement insert = sql.prepareStatement("INSERT INTO event_journal (seq, appends) VALUES (?, ?)")) {
            insert.setLong(1, 5);
            insert.setBytes(2, JournalRow.encode(List.of(journaled(5, "g-2", "c-0", 1, "Tick"), journaled(5, "g-1", "c-2", 3, "Tick")))); // version 2 missing
            insert.executeUpdate();
        }

        assertThatThrownBy(() -> SqliteStore.open(file())).isInstanceOf(StoreException.class).hasMessageContaining(file().toString())
                .hasMessageContaining("event_journal row 5: game g-1's append of versions 3 to 3 does not carry on from version 1");
        assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks")).as("g-1's first event only").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM event_journal")).isEqualTo(1);
    }

    @Test
    void a_journal_row_that_cannot_be_read_stops_the_opening_naming_the_file_and_the_row_and_moves_nothing() throws SQLException {
        SqliteStore.open(file()).close();
        byte[] row = JournalRow.encode(List.of(journaled(3, "g-1", "c-0", 1, "Tick"), journaled(3, "g-2", "c-0", 1, "Tick")));
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file());
                PreparedStatement insert = sql.prepareStatement("INSERT INTO event_journal (seq, appends) VALUES (?, ?)")) {
            insert.setLong(1, 3);
            insert.setBytes(2, Arrays.copyOf(row, row.length - 1)); // cut short
            insert.executeUpdate();
        }

        assertThatThrownBy(() -> SqliteStore.open(file())).isInstanceOf(StoreException.class).hasMessageContaining(file().toString())
                .hasMessageContaining("event_journal row 3: checksum mismatch");
        assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks") + commands(null)).as("nothing of the row moved").isZero();
        assertThat(count("SELECT COUNT(*) FROM event_journal")).isEqualTo(1);
    }

    @Test
    void a_move_of_the_whole_journal_that_meets_a_damaged_row_rolls_back_what_it_had_moved() throws SQLException {
        SqliteStore.open(file()).close();
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file())) {
            sql.setAutoCommit(false);
            try (PreparedStatement insert = sql.prepareStatement("INSERT INTO event_journal (seq, appends) VALUES (?, ?)")) {
                insert.setLong(1, 1);
                insert.setBytes(2, JournalRow.encode(List.of(journaled(1, "g-1", "c-0", 1, "Tick"))));
                insert.executeUpdate();
                byte[] damaged = JournalRow.encode(List.of(journaled(3, "g-2", "c-0", 1, "Tick")));
                damaged[damaged.length - 1] ^= 1;
                insert.setLong(1, 3);
                insert.setBytes(2, damaged);
                insert.executeUpdate();
            }
            sql.commit();

            assertThatThrownBy(() -> JournalRecovery.moveAll(new SqlSession(sql))).isInstanceOf(StoreException.class).hasMessageContaining("event_journal row 3");
            sql.commit(); // what the move left in this connection's transaction, if anything
        }
        assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks") + commands(null)).as("row 1's append, moved before row 3 failed").isZero();
        assertThat(count("SELECT COUNT(*) FROM event_journal")).isEqualTo(2);
    }

    @Test
    void the_appends_of_one_batch_share_one_journal_row_kept_while_any_of_them_waits() throws Exception {
        int games = 50;
        SqliteStore.open(file()).close();
        try (GroupCommitWriter writer = new GroupCommitWriter(file(), new SqlSession(new ConnectionFactory(file(), SqliteOptions.defaults()).openWriter()),
                new EventJournal(CommandIdFilter.off()), 100, WriterListener.NONE)) {
            for (int v = 0; v < EventJournal.PER_GAME - 1; v++) {
                AppendRequest request = request("mover", v, "c-" + v);
                writer.execute((session, versions, journal) -> SqliteEventLog.append(session, versions, journal, request));
            }
            List<AppendRequest> batch = new ArrayList<>(List.of(request("mover", EventJournal.PER_GAME - 1, "c-last")));
            IntStream.range(0, games).forEach(g -> batch.add(request("g-" + g, 0, "c-0")));
            runAsOneBatch(writer, batch);

            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'mover'")).as("mover's events, moved by the batch").isEqualTo(EventJournal.PER_GAME);
            assertThat(count("SELECT COUNT(*) FROM event_journal")).as("the batch's one row, kept for the games still waiting").isEqualTo(1);
            try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = sql.createStatement();
                    ResultSet rs = s.executeQuery("SELECT seq, appends FROM event_journal")) {
                rs.next();
                assertThat(JournalRow.decode(rs.getLong(1), rs.getBytes(2))).extracting(EventJournal.Append::gameId)
                        .isEqualTo(batch.stream().map(AppendRequest::gameId).toList());
            }

            runAsOneBatch(writer, IntStream.range(0, games).mapToObj(g -> request("g-" + g, 1, "c-1")).toList());
            assertThat(count("SELECT COUNT(*) FROM event_journal")).as("the second batch's row, and the first's, whose games still wait").isEqualTo(2);
        }
        assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks")).as("moved when the writer closed").isEqualTo(EventJournal.PER_GAME + 2L * games);
        assertThat(count("SELECT COUNT(*) FROM event_journal")).isZero();
    }

    @Test
    void games_that_become_due_in_one_batch_move_over_the_batches_after_it_the_first_due_first() throws Exception {
        int games = 40;
        SqliteStore.open(file()).close();
        List<NewEvent> allButOne = Collections.nCopies(EventJournal.PER_GAME - 1, new NewEvent("Tick", 1, "{}".getBytes()));
        try (GroupCommitWriter writer = new GroupCommitWriter(file(), new SqlSession(new ConnectionFactory(file(), SqliteOptions.defaults()).openWriter()),
                new EventJournal(CommandIdFilter.off()), 100, WriterListener.NONE)) {
            runAsOneBatch(writer, IntStream.range(0, games).mapToObj(g -> new AppendRequest("g-" + g, 0, "c-0", Instant.EPOCH, allButOne)).toList());
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks")).as("none due yet").isZero();

            // Every game reaches PER_GAME in one batch of 40 events: it may move twice that, two games' worth.
            runAsOneBatch(writer, IntStream.range(0, games).mapToObj(g -> request("g-" + g, EventJournal.PER_GAME - 1, "c-1")).toList());
            assertThat(movedGames()).as("the batch's budget, the first two that became due").containsExactly("g-0", "g-1");
            AppendRequest again = request("g-" + (games - 1), EventJournal.PER_GAME, "c-1");
            assertThatThrownBy(() -> writer.execute((session, versions, journal) -> SqliteEventLog.append(session, versions, journal, again)))
                    .as("a game left over still knows its commands").isInstanceOf(DuplicateCommandException.class);
            assertThat(movedGames()).as("the refused write's batch appended nothing, and moved one game all the same").containsExactly("g-0", "g-1", "g-2");

            // Batches of one event that none of the due games takes part in: each moves one of them, the first due first.
            for (int g = 3; g < games; g++) {
                AppendRequest other = request("other", g - 3, "c-" + g);
                writer.execute((session, versions, journal) -> SqliteEventLog.append(session, versions, journal, other));
                assertThat(movedGames()).as("after the batch of other's version %d", g - 3).hasSize(g + 1).contains("g-" + g);
            }
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks")).as("every due game's events, none of other's").isEqualTo((long) games * EventJournal.PER_GAME);
            assertThat(commands(null)).isEqualTo(2L * games);
        }
    }

    private List<String> movedGames() throws SQLException {
        List<String> games = new ArrayList<>();
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = sql.createStatement();
                ResultSet rs = s.executeQuery("SELECT game_id FROM event_chunks GROUP BY game_id HAVING SUM(last_version - first_version + 1) = " + EventJournal.PER_GAME + " ORDER BY game_id")) {
            while (rs.next()) {
                games.add(rs.getString(1));
            }
        }
        return games;
    }

    @Test
    void a_batch_whose_appends_take_more_than_a_rows_bytes_writes_further_rows_an_append_larger_than_that_one_of_its_own() throws Exception {
        int maxRowBytes = 1_024;
        SqliteStore.open(file()).close();
        List<AppendRequest> batch = new ArrayList<>();
        for (int g = 0; g < 9; g++) {
            byte[] payload = new byte[g == 4 ? 2 * maxRowBytes : 200]; // about 500 bytes an append: two fit in a row, three do not
            batch.add(new AppendRequest("g-" + g, 0, "c-0", Instant.EPOCH, List.of(new NewEvent("Tick", 1, payload), new NewEvent("Tock", 1, payload))));
        }
        try (GroupCommitWriter writer = new GroupCommitWriter(file(), new SqlSession(new ConnectionFactory(file(), SqliteOptions.defaults()).openWriter()),
                new EventJournal(CommandIdFilter.off(), maxRowBytes), 100, WriterListener.NONE)) {
            runAsOneBatch(writer, batch);

            List<Long> rowNumbers = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = sql.createStatement();
                    ResultSet rs = s.executeQuery("SELECT seq, appends FROM event_journal ORDER BY seq")) {
                while (rs.next()) {
                    rowNumbers.add(rs.getLong(1));
                    List<String> games = JournalRow.decode(rs.getLong(1), rs.getBytes(2)).stream().map(EventJournal.Append::gameId).toList();
                    if (!games.equals(List.of("g-4"))) {
                        assertThat(rs.getBytes(2).length).as("row %d", rs.getLong(1)).isLessThanOrEqualTo(Crc32cTrailer.FRAME_LENGTH + maxRowBytes);
                    }
                    rows.add(games);
                }
            }
            assertThat(rows).as("two appends a row, g-4 alone").containsExactly(List.of("g-0", "g-1"), List.of("g-2", "g-3"), List.of("g-4"),
                    List.of("g-5", "g-6"), List.of("g-7", "g-8"));
            assertThat(rowNumbers).as("numbered by the events before them").containsExactly(1L, 5L, 9L, 11L, 15L);

            // g-0 to g-3 reach 64 events and move: the first two rows then hold no waiting append, g-4's row still does.
            List<NewEvent> rest = Collections.nCopies(EventJournal.PER_GAME - 2, new NewEvent("Tick", 1, "{}".getBytes()));
            runAsOneBatch(writer, IntStream.range(0, 4).mapToObj(g -> new AppendRequest("g-" + g, 2, "c-1", Instant.EPOCH, rest)).toList());
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks")).isEqualTo(4L * EventJournal.PER_GAME);
            assertThat(count("SELECT MIN(seq) FROM event_journal")).as("the head cut at g-4's own row").isEqualTo(9);
        }
        assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks")).as("moved when the writer closed").isEqualTo(4L * EventJournal.PER_GAME + 10);
        assertThat(commands(null)).isEqualTo(13);
    }

    /**
     * Runs {@code appends} as one batch: the writer thread is held by a write of its own while they queue behind it. The
     * writers here take batches of up to 100 writes.
     */
    private static void runAsOneBatch(GroupCommitWriter writer, List<AppendRequest> appends) throws InterruptedException {
        assertThat(appends).as("appends of one batch").hasSizeLessThanOrEqualTo(100);
        CountDownLatch hold = HeldWriter.hold(writer);
        List<CompletableFuture<Long>> queued = new ArrayList<>();
        for (AppendRequest request : appends) {
            queued.add(writer.submit((session, versions, journal) -> SqliteEventLog.append(session, versions, journal, request)));
        }
        hold.countDown();
        queued.forEach(CompletableFuture::join);
    }

    @Test
    void a_store_whose_journal_held_a_row_an_event_gets_the_events_a_stopped_process_left_there_when_it_is_migrated() throws SQLException {
        OlderSchema.migrate(file(), "3");
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = sql.createStatement()) {
            s.executeUpdate("INSERT INTO archived_games (game_id, game_type, setup, created_at, finished_at, outcome, final_version, event_count, "
                    + "state_schema_version, final_state, replay_bundle) VALUES ('done', 'test', '{}', 0, 0, 'over', 1, 1, 1, x'00', x'00')");
            s.executeUpdate("INSERT INTO event_journal (seq, game_id, version, type, schema_version, payload, recorded_at, command_id) VALUES "
                    + "(7, 'g-1', 1, 'Tick', 1, x'7b7d', 0, 'c-0'), (8, 'g-1', 2, 'Tick', 1, x'7b7d', 0, 'c-1'), (9, 'g-1', 3, 'Tock', 1, x'7b7d', 0, 'c-1'), "
                    + "(10, 'done', 1, 'Tick', 1, x'7b7d', 0, 'c-9')");
        }

        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(versions(store.events().read("g-1", 1, LAST))).isEqualTo(range(1, 3));
            assertThat(store.events().findCommand("g-1", "c-1")).contains(new CommandRecord("g-1", "c-1", 2, 3));
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'done'")).as("an archived game's").isZero();
            append(store, "g-1", 3, "c-2");
        }
        assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'g-1'")).isEqualTo(4);
    }

    @Test
    void an_archived_game_takes_its_waiting_events_along_and_none_reaches_the_active_tables_later() throws SQLException {
        try (SqliteStore store = SqliteStore.open(file())) {
            store.games().register(new GameRecord("g-1", "test", Map.of(), Instant.EPOCH));
            append(store, "g-1", 0, "c-0");
            append(store, "g-1", 1, "c-1");
            append(store, "g-2", 0, "c-0");
            store.archive().archive(new ArchivedGame("g-1", "test", Map.of(), Instant.EPOCH, Instant.EPOCH, "done", 2, 2, 1, new byte[1], new byte[1]));

            assertThat(store.events().findCommand("g-1", "c-0")).isEmpty();
            assertThat(store.events().read("g-1", 1, LAST)).isEmpty();
            assertThat(store.events().findCommand("g-2", "c-0")).isPresent();
        }
        assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'g-1'") + commands("g-1")).isZero();
        assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'g-2'")).isEqualTo(1);
    }

    @Test
    void a_store_of_the_schema_before_the_journal_gets_the_command_records_it_still_owed_when_it_is_migrated() throws SQLException {
        OlderSchema.migrate(file(), "2");
        // Decision record 0009's backlog: g-1's events from version 2 on have no records yet.
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = sql.createStatement()) {
            s.executeUpdate("INSERT INTO events (game_id, version, type, schema_version, payload, recorded_at, command_id) VALUES "
                    + "('g-1', 1, 'Tick', 1, x'7b7d', 0, 'c-0'), ('g-1', 2, 'Tick', 1, x'7b7d', 0, 'c-1'), ('g-1', 3, 'Tock', 1, x'7b7d', 0, 'c-1')");
            s.executeUpdate("INSERT INTO commands (game_id, command_id, first_version, last_version) VALUES ('g-1', 'c-0', 1, 1)");
            s.executeUpdate("INSERT INTO command_backlog (game_id, from_version) VALUES ('g-1', 2)");
        }

        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(store.events().findCommand("g-1", "c-1")).contains(new CommandRecord("g-1", "c-1", 2, 3));
            assertThatThrownBy(() -> append(store, "g-1", 3, "c-1")).isInstanceOf(DuplicateCommandException.class);
        }
        assertThat(count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'command_backlog'")).isZero();
    }

    /** An append of one event per type, as the journal holds it in row {@code row}, recorded at the epoch. */
    private static EventJournal.Append journaled(long row, String gameId, String commandId, long firstVersion, String... types) {
        List<NewEvent> events = Arrays.stream(types).map(type -> new NewEvent(type, 1, "{}".getBytes())).toList();
        return EventJournal.Append.of(row, gameId, commandId, Instant.EPOCH, firstVersion, events);
    }

    private static void append(SqliteStore store, String gameId, long expectedVersion, String commandId) {
        store.events().append(request(gameId, expectedVersion, commandId));
    }

    /** One event, recorded at second {@code expectedVersion}. */
    private static AppendRequest request(String gameId, long expectedVersion, String commandId) {
        return new AppendRequest(gameId, expectedVersion, commandId, Instant.ofEpochSecond(expectedVersion), List.of(new NewEvent("Tick", 1, "{}".getBytes())));
    }

    private static List<Long> versions(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::version).toList();
    }

    private static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The command records of {@code gameId} in {@code command_runs}, or of every game if it is null. */
    private long commands(String gameId) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file())) {
            return StoredCommands.count(c, gameId);
        }
    }
}
