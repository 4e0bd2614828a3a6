package dev.statecraft.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.DuplicateCommandException;
import dev.statecraft.store.NewEvent;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The filter that spares a new command id its lookup in {@code command_runs} (decision record 0011). */
class CommandIdFilterTest {
    private static final long SEED = Long.getLong("statecraft.seed", System.nanoTime());

    @TempDir
    Path folder;

    @Test
    void every_id_added_is_a_maybe_past_the_first_filters_size_and_few_new_ids_are() {
        System.out.println("[seed] CommandIdFilterTest: " + SEED + " (re-run with -Dstatecraft.seed=" + SEED + ")");
        SplittableRandom random = new SplittableRandom(SEED);
        CommandIdFilter filter = CommandIdFilter.empty();
        int added = 1_300_000; // past the first filter's 1,048,576, so a second one is in use
        long first = random.nextLong();
        for (int i = 0; i < added; i++) {
            filter.add("game-" + (i % 1_000), "cmd-" + (first + i));
        }
        for (int i = 0; i < added; i++) {
            if (!filter.mayContain("game-" + (i % 1_000), "cmd-" + (first + i))) {
                Assertions.fail("id %d was added but is reported as not there", i);
            }
        }
        int maybes = 0;
        int fresh = 100_000;
        for (int i = 0; i < fresh; i++) {
            maybes += filter.mayContain("game-" + (i % 1_000), "new-" + random.nextLong()) ? 1 : 0;
        }
        assertThat(maybes).as("new ids said to be maybe there, of %d", fresh).isLessThan(fresh * 3 / 100);
    }

    @Test
    void an_id_moved_to_the_table_is_refused_when_retried_after_the_store_opens_again_and_a_new_id_skips_the_lookup() throws SQLException {
        Path file = folder.resolve("statecraft.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            for (int i = 0; i < EventJournal.PER_GAME; i++) {
                store.events().append(request(i, "c-" + i));
            }
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            Assertions.assertThatThrownBy(() -> store.events().append(request(EventJournal.PER_GAME, "c-7"))).isInstanceOf(DuplicateCommandException.class);
        }
        try (Connection connection = new ConnectionFactory(file, SqliteOptions.defaults()).openWriter()) {
            CommandIdFilter filter = CommandIdFilter.loading();
            assertThat(CommandIdFilterLoader.read(connection, filter, () -> false)).isEqualTo(EventJournal.PER_GAME);
            assertThat(filter.state()).isEqualTo(CommandIdFilter.State.ON);
            assertThat(filter.mayContain("g", "c-7")).as("read from the table").isTrue();
            assertThat(filter.mayContain("g", "c-never")).as("64 ids in a filter for a million: almost no chance of a maybe").isFalse();
        }
    }

    @Test
    void an_id_committed_to_the_journal_is_refused_when_retried_while_it_waits_there() throws Exception {
        Path file = folder.resolve("statecraft.db");
        SqliteStore.open(file).close();
        // A filter that holds every stored id: only the id added when it is staged can make it say "maybe".
        EventJournal journal = new EventJournal(CommandIdFilter.empty());
        try (GroupCommitWriter writer = new GroupCommitWriter(file, new SqlSession(new ConnectionFactory(file, SqliteOptions.defaults()).openWriter()),
                journal, 100, WriterListener.NONE)) {
            writer.execute((session, versions, j) -> SqliteEventLog.append(session, versions, j, request(0, "c-1")));
            assertThat(journal.findCommitted("g", "c-1")).as("waiting in the journal, not yet moved").isPresent();
            Assertions.assertThatThrownBy(() -> writer.execute((session, versions, j) -> SqliteEventLog.append(session, versions, j, request(1, "c-1"))))
                    .isInstanceOf(DuplicateCommandException.class);
        }
    }

    @Test
    void a_readers_lookup_of_an_id_the_filter_rules_out_is_answered_without_the_table() throws Exception {
        Path file = folder.resolve("statecraft.db");
        SqliteStore.open(file).close();
        ConnectionFactory connections = new ConnectionFactory(file, SqliteOptions.defaults());
        EventJournal journal = new EventJournal(CommandIdFilter.empty()); // complete: the table is empty
        try (GroupCommitWriter writer = new GroupCommitWriter(file, new SqlSession(connections.openWriter()), journal, 100, WriterListener.NONE);
                ReadConnections reads = new ReadConnections(file, 1, connections)) {
            SqliteEventLog log = new SqliteEventLog(writer, reads, journal);
            for (int i = 0; i <= EventJournal.PER_GAME; i++) {
                log.append(request(i, "c-" + i)); // the first 64 move to the table, the last waits
            }
            try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                StoredCommands.add(sql, List.of(new CommandRecord("g", "behind-its-back", 1_000, 1_000)));
            }

            String waiting = "c-" + EventJournal.PER_GAME;
            assertThat(journal.findCommitted("g", "c-3")).as("c-3 moved").isEmpty();
            assertThat(log.findCommand("g", "c-3")).contains(new CommandRecord("g", "c-3", 4, 4));
            assertThat(journal.findCommitted("g", waiting)).as("the last one waits").isPresent();
            assertThat(log.findCommand("g", waiting)).contains(new CommandRecord("g", waiting, EventJournal.PER_GAME + 1, EventJournal.PER_GAME + 1));
            assertThat(log.findCommand("g", "behind-its-back")).as("a row the filter never saw: the table is not asked").isEmpty();
        }
    }

    @Test
    @Timeout(30)
    void a_reader_finds_an_id_as_soon_as_its_batch_has_committed_before_the_writer_has_finished_with_the_batch() throws Exception {
        Path file = folder.resolve("statecraft.db");
        SqliteStore.open(file).close();
        ConnectionFactory connections = new ConnectionFactory(file, SqliteOptions.defaults());
        CountDownLatch committed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean();
        Connection real = connections.openWriter();
        // The commit of the batch that moves the game's 64 events reaches the database, then holds the writer there:
        // the rows are in the table, the journal has not yet heard of the commit.
        Connection holding = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
            Object result = m.invoke(real, args);
            if (m.getName().equals("commit") && armed.getAndSet(false)) {
                committed.countDown();
                release.await();
            }
            return result;
        });
        EventJournal journal = new EventJournal(CommandIdFilter.empty());
        try (GroupCommitWriter writer = new GroupCommitWriter(file, new SqlSession(holding), journal, 100, WriterListener.NONE);
                ReadConnections reads = new ReadConnections(file, 1, connections)) {
            SqliteEventLog log = new SqliteEventLog(writer, reads, journal);
            for (int i = 0; i < EventJournal.PER_GAME - 1; i++) {
                log.append(request(i, "c-" + i));
            }
            String last = "c-" + (EventJournal.PER_GAME - 1);
            armed.set(true);
            CompletableFuture<Long> append = log.appendAsync(request(EventJournal.PER_GAME - 1, last));
            committed.await();
            try {
                assertThat(journal.findCommitted("g", last)).as("not yet in the journal's tails").isEmpty();
                assertThat(log.findCommand("g", last)).as("but committed to the table, so found")
                        .contains(new CommandRecord("g", last, EventJournal.PER_GAME, EventJournal.PER_GAME));
            } finally {
                release.countDown();
            }
            assertThat(append.get()).isEqualTo(EventJournal.PER_GAME);
        }
    }

    @Test
    void until_the_table_is_read_every_id_is_a_maybe_and_ids_added_meanwhile_are_kept() throws SQLException {
        System.out.println("[seed] CommandIdFilterTest: " + SEED + " (re-run with -Dstatecraft.seed=" + SEED + ")");
        Path file = folder.resolve("statecraft.db");
        int stored = 200_000;
        writeCommandRecords(file, stored);
        ConnectionFactory connections = new ConnectionFactory(file, SqliteOptions.defaults());
        CommandIdFilter filter = CommandIdFilter.loading();
        assertThat(filter.mayContain("game-1", "never-sent")).as("nothing read yet: a maybe").isTrue();
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> addedMeanwhile = new ArrayList<>();
        try (CommandIdFilterLoader loader = CommandIdFilterLoader.start(file, connections, filter)) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (filter.state() == CommandIdFilter.State.LOADING && System.nanoTime() < deadline) { // the writer's adds, racing the loader's
                String id = "live-" + random.nextLong();
                filter.add("game-" + addedMeanwhile.size() % 100, id);
                addedMeanwhile.add(id);
                Thread.onSpinWait();
            }
        }
        assertThat(filter.state()).as("the read marks the filter loaded").isEqualTo(CommandIdFilter.State.ON);
        assertThat(addedMeanwhile).as("ids added while the loader read").isNotEmpty();
        for (int i = 0; i < stored; i++) {
            if (!filter.mayContain("game-" + i % 100, "stored-" + i)) {
                Assertions.fail("stored id %d was read but is reported as not there", i);
            }
        }
        for (int i = 0; i < addedMeanwhile.size(); i++) {
            if (!filter.mayContain("game-" + i % 100, addedMeanwhile.get(i))) {
                Assertions.fail("id %s was added during the read but is reported as not there", addedMeanwhile.get(i));
            }
        }
        int maybes = 0;
        for (int i = 0; i < 10_000; i++) {
            maybes += filter.mayContain("game-" + i % 100, "new-" + random.nextLong()) ? 1 : 0;
        }
        assertThat(maybes).as("new ids said to be maybe there, once the read is complete").isLessThan(300);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a read that pages in circles fails here, not hangs
    void a_read_stopped_part_way_leaves_every_id_a_maybe_and_a_table_past_the_limit_switches_the_filter_off() throws SQLException {
        Path file = folder.resolve("statecraft.db");
        int stored = 30_000; // 300 records a game, in 3 rows of command_runs each: 300 rows, 3 pages
        writeCommandRecords(file, stored);
        try (Connection connection = new ConnectionFactory(file, SqliteOptions.defaults()).openReadOnly()) {
            int firstPage = CommandRuns.readPage(connection, null, CommandIdFilterLoader.PAGE).ids().size();
            assertThat(firstPage).isBetween(CommandIdFilterLoader.PAGE, stored / 2);
            CommandIdFilter stopped = CommandIdFilter.loading();
            int[] checks = {0};
            assertThat(CommandIdFilterLoader.read(connection, stopped, () -> ++checks[0] > 1)).as("records read before the stop: a page")
                    .isEqualTo(firstPage);
            assertThat(stopped.state()).isEqualTo(CommandIdFilter.State.LOADING);
            assertThat(stopped.mayContain("game-1", "never-sent")).isTrue();

            CommandIdFilter whole = CommandIdFilter.loading();
            assertThat(CommandIdFilterLoader.read(connection, whole, () -> false)).as("every page").isEqualTo(stored);
            for (int i = 0; i < stored; i++) {
                if (!whole.mayContain("game-" + i % 100, "stored-" + i)) {
                    Assertions.fail("stored id %d, on whichever page, is reported as not there", i);
                }
            }
            assertThat(whole.mayContain("game-1", "never-sent")).isFalse();

            CommandIdFilter small = CommandIdFilter.loading(1_000);
            assertThat(CommandIdFilterLoader.read(connection, small, () -> false)).as("more records than the filter may hold: a page read, then no more")
                    .isEqualTo(firstPage);
            assertThat(small.state()).isEqualTo(CommandIdFilter.State.OFF);
            assertThat(small.mayContain("game-1", "never-sent")).isTrue();
        }
        CommandIdFilter limited = CommandIdFilter.loading(1_000);
        limited.markLoaded();
        for (int i = 0; i < 1_000; i++) {
            limited.add("g", "c-" + i);
        }
        assertThat(limited.mayContain("g", "never-sent")).as("1,000 ids, at the limit: still a filter").isFalse();
        limited.add("g", "c-1000");
        assertThat(limited.state()).as("switched off past its limit").isEqualTo(CommandIdFilter.State.OFF);
        assertThat(limited.mayContain("g", "never-sent")).isTrue();
        assertThat(limited.mayContain("g", "c-3")).isTrue();
    }

    @Test
    void a_read_that_fails_switches_the_filter_off_so_that_every_id_is_looked_up() {
        Path noTables = folder.resolve("empty.db"); // no command_runs table: the loader's first query fails
        CommandIdFilter filter = CommandIdFilter.loading();
        CommandIdFilterLoader.start(noTables, new ConnectionFactory(noTables, SqliteOptions.defaults()), filter).close();
        assertThat(filter.state()).isEqualTo(CommandIdFilter.State.OFF);
        assertThat(filter.mayContain("g", "never-sent")).isTrue();
    }

    /** A store's file whose {@code command_runs} table holds {@code count} records, ids {@code stored-<i>} of game {@code game-<i % 100>}. */
    private static void writeCommandRecords(Path file, int count) throws SQLException {
        SqliteStore.open(file).close();
        try (Connection connection = new ConnectionFactory(file, SqliteOptions.defaults()).openWriter()) {
            for (int game = 0; game < Math.min(100, count); game++) {
                List<CommandRecord> records = new ArrayList<>();
                for (int i = game; i < count; i += 100) {
                    records.add(new CommandRecord("game-" + game, "stored-" + i, i / 100 + 1, i / 100 + 1));
                }
                StoredCommands.add(connection, records);
            }
        }
    }

    private static AppendRequest request(long expectedVersion, String commandId) {
        return new AppendRequest("g", expectedVersion, commandId, Instant.EPOCH, List.of(new NewEvent("Tick", 1, "{}".getBytes())));
    }
}
