package dev.statecraft.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.DuplicateCommandException;
import dev.statecraft.store.NewEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filter that spares a new command id its lookup in {@code commands} (decision record 0011). */
class CommandIdFilterTest {
    private static final long SEED = Long.getLong("statecraft.seed", System.nanoTime());

    @TempDir
    Path folder;

    @Test
    void every_id_added_is_a_maybe_past_the_first_filters_size_and_few_new_ids_are() {
        System.out.println("[seed] CommandIdFilterTest: " + SEED + " (re-run with -Dstatecraft.seed=" + SEED + ")");
        SplittableRandom random = new SplittableRandom(SEED);
        CommandIdFilter filter = new CommandIdFilter();
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
            CommandIdFilter filter = CommandIdFilter.incomplete();
            assertThat(CommandIdFilterLoader.read(connection, filter, () -> false)).isEqualTo(EventJournal.PER_GAME);
            assertThat(filter.isComplete()).isTrue();
            assertThat(filter.mayContain("g", "c-7")).as("read from the table").isTrue();
            assertThat(filter.mayContain("g", "c-never")).as("16 ids in a filter for a million: no chance of a maybe").isFalse();
        }
    }

    @Test
    void until_the_table_is_read_every_id_is_a_maybe_and_ids_added_meanwhile_are_kept() throws SQLException {
        System.out.println("[seed] CommandIdFilterTest: " + SEED + " (re-run with -Dstatecraft.seed=" + SEED + ")");
        Path file = folder.resolve("statecraft.db");
        int stored = 200_000;
        writeCommandRecords(file, stored);
        ConnectionFactory connections = new ConnectionFactory(file, SqliteOptions.defaults());
        CommandIdFilter filter = CommandIdFilter.incomplete();
        assertThat(filter.mayContain("game-1", "never-sent")).as("nothing read yet: a maybe").isTrue();
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> addedMeanwhile = new ArrayList<>();
        try (CommandIdFilterLoader loader = CommandIdFilterLoader.start(file, connections, filter)) {
            while (!filter.isComplete() && addedMeanwhile.size() < 2_000_000) { // the writer's adds, racing the loader's
                String id = "live-" + random.nextLong();
                filter.add("game-" + addedMeanwhile.size() % 100, id);
                addedMeanwhile.add(id);
            }
        }
        assertThat(filter.isComplete()).as("the read completes the filter").isTrue();
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
    void a_read_stopped_part_way_leaves_every_id_a_maybe_and_a_table_past_the_limit_switches_the_filter_off() throws SQLException {
        Path file = folder.resolve("statecraft.db");
        writeCommandRecords(file, 1_500);
        try (Connection connection = new ConnectionFactory(file, SqliteOptions.defaults()).openReadOnly()) {
            CommandIdFilter stopped = CommandIdFilter.incomplete();
            int[] rows = {0};
            assertThat(CommandIdFilterLoader.read(connection, stopped, () -> ++rows[0] > 100)).as("rows read before the stop").isEqualTo(100);
            assertThat(stopped.isComplete()).isFalse();
            assertThat(stopped.mayContain("game-1", "never-sent")).isTrue();

            CommandIdFilter small = CommandIdFilter.incomplete(1_000);
            assertThat(CommandIdFilterLoader.read(connection, small, () -> false)).as("a table of 1,500 records for a filter of 1,000: not read").isZero();
            assertThat(small.isOff()).isTrue();
            assertThat(small.mayContain("game-1", "never-sent")).isTrue();
        }
        CommandIdFilter growing = new CommandIdFilter();
        CommandIdFilter limited = CommandIdFilter.incomplete(1_000);
        limited.markComplete();
        for (int i = 0; i < 1_000; i++) {
            growing.add("g", "c-" + i);
            limited.add("g", "c-" + i);
        }
        assertThat(limited.mayContain("g", "never-sent")).as("1,000 ids, at the limit: still a filter").isFalse();
        limited.add("g", "c-1000");
        assertThat(limited.isOff()).as("switched off past its limit").isTrue();
        assertThat(limited.mayContain("g", "never-sent")).isTrue();
        assertThat(growing.mayContain("g", "never-sent")).isFalse();
    }

    /** A store's file whose {@code commands} table holds {@code count} records, ids {@code stored-<i>} of game {@code game-<i % 100>}. */
    private static void writeCommandRecords(Path file, int count) throws SQLException {
        SqliteStore.open(file).close();
        try (Connection connection = new ConnectionFactory(file, SqliteOptions.defaults()).openWriter();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO commands (game_id, command_id, first_version, last_version) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, "game-" + i % 100);
                insert.setString(2, "stored-" + i);
                insert.setLong(3, i / 100 + 1);
                insert.setLong(4, i / 100 + 1);
                insert.executeUpdate();
            }
            connection.commit();
        }
    }

    private static AppendRequest request(long expectedVersion, String commandId) {
        return new AppendRequest("g", expectedVersion, commandId, Instant.EPOCH, List.of(new NewEvent("Tick", 1, "{}".getBytes())));
    }
}
