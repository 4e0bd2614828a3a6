package dev.statecraft.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.DuplicateCommandException;
import dev.statecraft.store.NewEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
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
            CommandIdFilter filter = CommandIdFilter.load(connection);
            assertThat(filter.mayContain("g", "c-7")).as("read from the table").isTrue();
            assertThat(filter.mayContain("g", "c-never")).as("16 ids in a filter for a million: no chance of a maybe").isFalse();
        }
    }

    private static AppendRequest request(long expectedVersion, String commandId) {
        return new AppendRequest("g", expectedVersion, commandId, Instant.EPOCH, List.of(new NewEvent("Tick", 1, "{}".getBytes())));
    }
}
