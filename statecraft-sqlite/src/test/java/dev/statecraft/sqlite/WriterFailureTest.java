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
import dev.statecraft.store.VersionConflictException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's rare failure paths, with the command records that wait in memory (decision record 0009): a real
 * SQLite file behind a connection that fails one chosen call, as a database would.
 */
class WriterFailureTest {
    /** Makes every insert of game h's events into {@code events} fail, so that h's moves fail; dropped as {@code fail_h}. */
    private static final String FAIL_MOVES_OF_H =
            "CREATE TRIGGER fail_h BEFORE INSERT ON event_chunks WHEN NEW.game_id = 'h' BEGIN SELECT RAISE(ABORT, 'injected failure'); END";

    @TempDir
    Path folder;
    private Path file;

    @BeforeEach
    void createGames() {
        file = folder.resolve("statecraft.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            store.games().register(new GameRecord("g", "test", Map.of(), Instant.EPOCH));
            store.games().register(new GameRecord("h", "test", Map.of(), Instant.EPOCH));
        }
    }

    @Test
    void an_archive_undone_in_its_savepoint_leaves_the_records_its_game_staged_earlier_in_the_batch() throws Exception {
        sql(InjectedFailures.failJournalRowsOf("h"));
        AtomicInteger releases = new AtomicInteger();
        // The batch's journal row, which holds h's append, fails; the batch runs again one savepoint per write: g's
        // append, the archive of g, h's append (whose own row fails).
        // The second release, the archive's, fails, so the archive alone is rolled back.
        Connection connection = failing(new ConnectionFactory(file, SqliteOptions.defaults()).openWriter(), "execute",
                args -> "RELEASE write".equals(args[0]) && releases.incrementAndGet() == 2);
        EventJournal waiting = new EventJournal(CommandIdFilter.off());
        try (GroupCommitWriter writer = new GroupCommitWriter(file, new SqlSession(connection), waiting, 100, WriterListener.NONE)) {
            // The writer is held until the three writes are queued, so that they make the next batch together.
            CountDownLatch hold = HeldWriter.hold(writer);
            CompletableFuture<Long> appendG = writer.submit((session, versions, journal) -> SqliteEventLog.append(session, versions, journal, request("g", 0, "c-1")));
            CompletableFuture<Void> archiveG = writer.submit((session, versions, journal) -> SqliteArchive.archive(session, versions, journal, archived("g")));
            CompletableFuture<Long> appendH = writer.submit((session, versions, journal) -> SqliteEventLog.append(session, versions, journal, request("h", 0, "c-1")));
            hold.countDown();

            assertThat(appendG.join()).isEqualTo(1);
            assertThatThrownBy(archiveG::join).hasMessageContaining("injected");
            assertThatThrownBy(appendH::join).hasMessageContaining("injected failure");
            assertThat(waiting.findCommitted("g", "c-1")).as("g's record, still waiting").contains(new CommandRecord("g", "c-1", 1, 1));
            CompletableFuture<Long> retry = writer.submit((session, versions, journal) -> SqliteEventLog.append(session, versions, journal, request("g", 1, "c-1")));
            assertThatThrownBy(retry::join).hasCauseInstanceOf(DuplicateCommandException.class);
        }
        assertThat(count("SELECT COUNT(*) FROM archived_games")).isZero();
        assertThat(command("g", "c-1")).as("written when the writer closed").isEqualTo(1);
    }

    @Test
    void a_write_undone_alone_leaves_the_versions_of_the_appends_before_it_in_the_batch() throws Exception {
        sql(InjectedFailures.failJournalRowsOf("h"));
        try (GroupCommitWriter writer = new GroupCommitWriter(file, new SqlSession(new ConnectionFactory(file, SqliteOptions.defaults()).openWriter()),
                new EventJournal(CommandIdFilter.off()), 100, WriterListener.NONE)) {
            // The batch's journal row, which holds h's append, fails, so the batch runs again one savepoint per write; g's appends
            // around h's still see each other.
            List<CompletableFuture<Long>> appends = inOneBatch(writer, request("g", 0, "c-1"), request("h", 0, "c-1"), request("g", 1, "c-2"), request("g", 0, "c-3"));

            assertThat(appends.get(0).join()).isEqualTo(1);
            assertThatThrownBy(appends.get(1)::join).hasMessageContaining("injected failure");
            assertThat(appends.get(2).join()).isEqualTo(2);
            assertThatThrownBy(appends.get(3)::join).hasCauseInstanceOf(VersionConflictException.class);
        }
        assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'g'")).isEqualTo(2);
    }

    @Test
    void a_move_that_fails_leaves_its_events_waiting_and_readable_and_they_move_once_it_can() throws Exception {
        sql(FAIL_MOVES_OF_H);
        try (SqliteStore store = SqliteStore.open(file)) {
            for (int i = 0; i < EventJournal.PER_GAME; i++) {
                assertThat(store.events().append(request("h", i, "c-" + i))).isEqualTo(i + 1);
            }
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'h'")).as("the move failed").isZero();
            assertThat(store.events().read("h", 1, Long.MAX_VALUE)).hasSize(EventJournal.PER_GAME);
            assertThat(store.events().append(request("g", 0, "c-0"))).as("the store goes on").isEqualTo(1);

            sql("DROP TRIGGER fail_h");
            store.events().append(request("h", EventJournal.PER_GAME, "c-last"));
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'h'")).isEqualTo(EventJournal.PER_GAME + 1);
            assertThat(commands("h")).isEqualTo(EventJournal.PER_GAME + 1);
        }
    }

    @Test
    void a_game_whose_move_fails_holds_up_neither_the_batch_nor_another_games_move_and_moves_once_it_can() throws Exception {
        sql(FAIL_MOVES_OF_H);
        List<NewEvent> allButOne = ticks(EventJournal.PER_GAME - 1);
        try (GroupCommitWriter writer = new GroupCommitWriter(file, new SqlSession(new ConnectionFactory(file, SqliteOptions.defaults()).openWriter()),
                new EventJournal(CommandIdFilter.off()), 100, WriterListener.NONE)) {
            inOneBatch(writer, new AppendRequest("h", 0, "c-0", Instant.EPOCH, allButOne), new AppendRequest("g", 0, "c-0", Instant.EPOCH, allButOne))
                    .forEach(CompletableFuture::join);
            // h and g reach 64 in one batch, whose third append lets it move both (twice its 65 events); h's move fails.
            List<CompletableFuture<Long>> appends = inOneBatch(writer, request("h", EventJournal.PER_GAME - 1, "c-1"),
                    request("g", EventJournal.PER_GAME - 1, "c-1"), new AppendRequest("x", 0, "c-0", Instant.EPOCH, allButOne));
            assertThat(appends).extracting(CompletableFuture::join).as("every write of the batch stands").containsExactly(64L, 64L, 63L);

            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'g'")).as("g moved all the same").isEqualTo(EventJournal.PER_GAME);
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'h'")).as("h's move failed").isZero();
            assertThat(count("SELECT COUNT(*) FROM event_journal")).as("a row for each batch, kept for h: the batch kept its fast path").isEqualTo(2);

            // h, first in line, takes the whole budget of the batch that brings k to 64 and fails again: it goes to the back
            // of the line, behind k, so the next batch moves k.
            append(writer, new AppendRequest("k", 0, "c-0", Instant.EPOCH, allButOne));
            append(writer, request("k", EventJournal.PER_GAME - 1, "c-1"));
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'k'")).as("not yet").isZero();
            append(writer, request("x", EventJournal.PER_GAME - 1, "c-1"));
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'k'")).as("k moved before h was tried again").isEqualTo(EventJournal.PER_GAME);
        }
        assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'h'")).as("closing cannot move h either").isZero();
        sql("DROP TRIGGER fail_h");
        try (SqliteStore store = SqliteStore.open(file)) {
            assertThat(store.events().read("h", 1, Long.MAX_VALUE)).as("moved when the store opened again").hasSize(EventJournal.PER_GAME);
        }
        assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks")).isEqualTo(4L * EventJournal.PER_GAME);
    }

    private record Filling(int accepted, StoreException refused) {
    }

    /**
     * Appends {@code perAppend} events to one new game after another (big-0, big-1, ...) until the store refuses one, or
     * until more than {@link EventJournal#MAX_WAITING} events were taken: how many appends it took, and its refusal, if any.
     */
    private static Filling appendNewGamesUntilRefused(SqliteStore store, int perAppend) {
        int accepted = 0;
        while (accepted <= EventJournal.MAX_WAITING / perAppend + 1) {
            try {
                store.events().append(new AppendRequest("big-" + accepted, 0, "c-0", Instant.EPOCH, ticks(perAppend)));
                accepted++;
            } catch (StoreException e) {
                return new Filling(accepted, e);
            }
        }
        return new Filling(accepted, null);
    }

    /** {@code count} events of one kind, for appends that bring a game to a chosen number of waiting events. */
    private static List<NewEvent> ticks(int count) {
        return java.util.Collections.nCopies(count, new NewEvent("Tick", 1, "{}".getBytes()));
    }

    private static void append(GroupCommitWriter writer, AppendRequest request) {
        writer.execute((session, versions, journal) -> SqliteEventLog.append(session, versions, journal, request));
    }

    @Test
    void while_one_games_move_keeps_failing_the_others_move_and_appends_are_refused_once_the_journal_rows_kept_for_it_span_too_much() throws Exception {
        sql(FAIL_MOVES_OF_H);
        int perAppend = 1_000;
        try (SqliteStore store = SqliteStore.open(file)) {
            store.events().append(request("h", 0, "c-0")); // one event: h moves only once it falls MAX_SPAN behind, and then fails each time
            Filling filling = appendNewGamesUntilRefused(store, perAppend);
            int accepted = filling.accepted();
            StoreException refused = filling.refused();
            assertThat(refused).as("refused once the rows kept for h span %d events", EventJournal.MAX_WAITING).isNotNull()
                    .hasMessageContaining("span").hasMessageContaining("injected failure");
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id LIKE 'big-%'")).as("every other game moved, h failing beside them")
                    .isEqualTo((long) accepted * perAppend);
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'h'")).isZero();
            assertThat(store.events().read("h", 1, Long.MAX_VALUE)).as("h's event, still read").hasSize(1);

            sql("DROP TRIGGER fail_h");
            // The refused append's batch still moved h; the next append is taken.
            assertThatThrownBy(() -> store.events().append(request("g", 0, "c-0"))).isInstanceOf(StoreException.class);
            assertThat(store.events().append(request("g", 0, "c-0"))).isEqualTo(1);
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'h'")).isEqualTo(1);
        }
    }

    @Test
    void a_game_forced_out_whose_move_keeps_failing_takes_none_of_the_budget_of_a_game_due_after_it() throws Exception {
        sql(FAIL_MOVES_OF_H);
        int perAppend = 1_000;
        try (SqliteStore store = SqliteStore.open(file)) {
            store.events().append(new AppendRequest("h", 0, "c-0", Instant.EPOCH, ticks(100)));
            for (int i = 0; i * perAppend <= EventJournal.MAX_SPAN; i++) { // h falls more than MAX_SPAN behind: every batch now forces it out, and fails
                store.events().append(new AppendRequest("big-" + i, 0, "c-0", Instant.EPOCH, ticks(perAppend)));
            }
            store.events().append(new AppendRequest("g", 0, "c-0", Instant.EPOCH, ticks(EventJournal.PER_GAME - 1)));
            // g's 64th event comes in a batch of one event, whose budget (64 events) h's 100 would take all of.
            store.events().append(request("g", EventJournal.PER_GAME - 1, "c-1"));
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'g'")).as("g moved beside h's failing move").isEqualTo(EventJournal.PER_GAME);
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'h'")).isZero();
        }
    }

    @Test
    void a_batch_whose_cut_of_the_journal_head_fails_still_commits_its_writes() throws Exception {
        Connection real = new ConnectionFactory(file, SqliteOptions.defaults()).openWriter();
        AtomicInteger refusedCuts = new AtomicInteger();
        Connection connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
            if (m.getName().equals("prepareStatement") && ((String) args[0]).startsWith("DELETE FROM event_journal")) {
                refusedCuts.incrementAndGet();
                throw new SQLException("disk I/O error (injected)");
            }
            return invoke(real, m, args);
        });
        try (GroupCommitWriter writer = new GroupCommitWriter(file, new SqlSession(connection), new EventJournal(CommandIdFilter.off()), 100, WriterListener.NONE)) {
            // The fast path fails at the cut, so the batch runs again one savepoint per write, where the cut fails alone.
            append(writer, request("g", 0, "c-0"));
            assertThat(refusedCuts).as("the cut tried on both paths").hasValue(2);
        }
        assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'g'")).as("stored, and moved when the writer closed").isEqualTo(1);
    }

    @Test
    void while_moves_keep_failing_appends_are_refused_once_the_journal_is_full_and_taken_again_once_a_move_succeeds() throws Exception {
        sql("CREATE TRIGGER fail_all BEFORE INSERT ON event_chunks BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
        int perAppend = 1_000;
        try (SqliteStore store = SqliteStore.open(file)) {
            Filling filling = appendNewGamesUntilRefused(store, perAppend);
            int accepted = filling.accepted();
            StoreException refused = filling.refused();
            assertThat(refused).as("refused once %d events wait", EventJournal.MAX_WAITING).isNotNull()
                    .hasMessageContaining("keeps failing").hasMessageContaining("injected failure");
            assertThat((long) accepted * perAppend).isGreaterThanOrEqualTo(EventJournal.MAX_WAITING);
            assertThat(store.events().read("big-0", 1, Long.MAX_VALUE)).as("what waits is still read").hasSize(perAppend);

            sql("DROP TRIGGER fail_all");
            // The refused append's batch still moved what was due; the next append is taken.
            assertThatThrownBy(() -> store.events().append(request("g", 0, "c-0"))).isInstanceOf(StoreException.class);
            assertThat(store.events().append(request("g", 0, "c-0"))).isEqualTo(1);
        }
        assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'big-0'")).isEqualTo(perAppend);
    }

    /** Submits the appends so that they run as one batch. */
    private static List<CompletableFuture<Long>> inOneBatch(GroupCommitWriter writer, AppendRequest... requests) throws InterruptedException {
        CountDownLatch hold = HeldWriter.hold(writer);
        List<CompletableFuture<Long>> appends = new java.util.ArrayList<>();
        for (AppendRequest request : requests) {
            appends.add(writer.submit((session, versions, journal) -> SqliteEventLog.append(session, versions, journal, request)));
        }
        hold.countDown();
        return appends;
    }

    @Test
    void a_commit_that_fails_after_storing_its_batch_still_leaves_every_stored_append_recognised() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        // The commit reaches the database, then reports a failure: the caller is not acknowledged, yet the events are stored.
        Connection connection = storingThenFailing(new ConnectionFactory(file, SqliteOptions.defaults()).openWriter(), commits);
        EventJournal waiting = new EventJournal(CommandIdFilter.empty()); // the table is empty: each id it gets must pass the filter
        try (GroupCommitWriter writer = new GroupCommitWriter(file, new SqlSession(connection), waiting, 100, WriterListener.NONE)) {
            CompletableFuture<Long> append = writer.submit((session, versions, journal) -> SqliteEventLog.append(session, versions, journal, request("g", 0, "c-1")));
            assertThatThrownBy(append::join).hasMessageContaining("commit of 1 writes failed");
            assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'g'")).as("events stored despite the failure").isEqualTo(1);

            assertThat(command("g", "c-1")).as("its record, written from its events").isEqualTo(1);
            CompletableFuture<Long> retry = writer.submit((session, versions, journal) -> SqliteEventLog.append(session, versions, journal, request("g", 1, "c-1")));
            assertThatThrownBy(retry::join).hasCauseInstanceOf(DuplicateCommandException.class);
        }
    }

    @Test
    void a_commit_that_fails_and_cannot_be_secured_stops_every_later_write_and_reopening_keeps_every_acknowledged_append() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        // Commit 1 stores c-0; commit 2 stores c-1 and reports a failure; commit 3, which would move the journal to the
        // tables after it, fails without storing anything.
        Connection real = new ConnectionFactory(file, SqliteOptions.defaults()).openWriter();
        Connection connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
            if (m.getName().equals("commit")) {
                int commit = commits.incrementAndGet();
                if (commit == 3) {
                    throw new SQLException("disk I/O error (injected, before the commit)");
                }
                Object result = invoke(real, m, args);
                if (commit == 2) {
                    throw new SQLException("disk I/O error (injected, after the commit)");
                }
                return result;
            }
            return invoke(real, m, args);
        });
        List<CommandRecord> acknowledged = new java.util.ArrayList<>();
        try (GroupCommitWriter writer = new GroupCommitWriter(file, new SqlSession(connection), new EventJournal(CommandIdFilter.off()), 100, WriterListener.NONE)) {
            writer.execute((session, versions, journal) -> SqliteEventLog.append(session, versions, journal, request("g", 0, "c-0")));
            acknowledged.add(new CommandRecord("g", "c-0", 1, 1));
            assertThatThrownBy(() -> writer.execute((session, versions, journal) -> SqliteEventLog.append(session, versions, journal, request("g", 1, "c-1"))))
                    .hasMessageContaining("commit of 1 writes failed");

            // Memory still says g is at version 1, the file at 2: a write now would take a version that is taken.
            assertThatThrownBy(() -> {
                writer.execute((session, versions, journal) -> SqliteEventLog.append(session, versions, journal, request("g", 1, "c-2")));
                acknowledged.add(new CommandRecord("g", "c-2", 2, 2));
            }).hasMessageContaining("every write is refused until the store is opened again");
            assertThatThrownBy(() -> writer.submit((session, versions, journal) -> null).join()).hasMessageContaining("opened again");
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            for (CommandRecord record : acknowledged) {
                assertThat(store.events().findCommand(record.gameId(), record.commandId())).contains(record);
            }
            assertThat(store.events().read("g", 1, Long.MAX_VALUE)).extracting(e -> e.commandId()).containsExactly("c-0", "c-1");
        }
    }

    @Test
    void a_batch_whose_savepoint_cannot_be_opened_fails_with_the_databases_reason_and_the_store_goes_on() throws Exception {
        sql(InjectedFailures.failJournalRowsOf("h"));
        // The batch's journal row, which holds h's append, fails, so the batch runs again a savepoint per write; opening that savepoint fails too,
        // with a driver exception that has no cause of its own.
        Connection connection = failing(new ConnectionFactory(file, SqliteOptions.defaults()).openWriter(), "execute",
                args -> "SAVEPOINT write".equals(args[0]));
        try (GroupCommitWriter writer = new GroupCommitWriter(file, new SqlSession(connection), new EventJournal(CommandIdFilter.off()), 100, WriterListener.NONE)) {
            assertThatThrownBy(() -> writer.execute((session, versions, journal) -> SqliteEventLog.append(session, versions, journal, request("h", 0, "c-1"))))
                    .hasMessageContaining("could not be rolled back alone").hasMessageContaining("disk I/O error (injected)");

            long version = writer.execute((session, versions, journal) -> SqliteEventLog.append(session, versions, journal, request("g", 0, "c-1")));
            assertThat(version).as("the store goes on").isEqualTo(1);
        }
        assertThat(count("SELECT COALESCE(SUM(last_version - first_version + 1), 0) FROM event_chunks WHERE game_id = 'h'")).isZero();
    }

    /** {@code real}, except that its {@code method} throws as a database would the first time {@code when} holds for the call's arguments. */
    private static Connection failing(Connection real, String method, Predicate<Object[]> when) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
            Object result = invoke(real, m, args);
            if (result instanceof Statement statement && m.getName().equals("createStatement")) {
                return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class}, (p, sm, sargs) -> {
                    if (sm.getName().equals(method) && sargs != null && when.test(sargs)) {
                        throw new SQLException("disk I/O error (injected)");
                    }
                    return invoke(statement, sm, sargs);
                });
            }
            return result;
        });
    }

    /** {@code real}, except that its first commit is carried out and then reported as failed. */
    private static Connection storingThenFailing(Connection real, AtomicInteger commits) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
            Object result = invoke(real, m, args);
            if (m.getName().equals("commit") && commits.incrementAndGet() == 1) {
                throw new SQLException("disk I/O error (injected, after the commit)");
            }
            return result;
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static AppendRequest request(String gameId, long expectedVersion, String commandId) {
        return new AppendRequest(gameId, expectedVersion, commandId, Instant.EPOCH, List.of(new NewEvent("Tick", 1, "{}".getBytes())));
    }

    private static ArchivedGame archived(String gameId) {
        return new ArchivedGame(gameId, "test", Map.of(), Instant.EPOCH, Instant.EPOCH, "done", 1, 1, 1, new byte[1], new byte[1]);
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private long count(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The command records of {@code gameId} in {@code command_runs}. */
    private long commands(String gameId) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return StoredCommands.count(c, gameId);
        }
    }

    /** The command records of {@code gameId} with {@code commandId}: 1 once stored. */
    private long command(String gameId, String commandId) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return StoredCommands.read(c).stream().filter(record -> record.gameId().equals(gameId) && record.commandId().equals(commandId)).count();
        }
    }
}
