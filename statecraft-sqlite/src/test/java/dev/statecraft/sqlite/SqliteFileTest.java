package dev.statecraft.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.NewEvent;
import dev.statecraft.store.StoreException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteFileTest {
    @TempDir
    Path folder;

    @Test
    void a_closed_store_is_one_self_contained_file_that_reopens_with_everything() {
        Path file = folder.resolve("statecraft.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            for (int i = 0; i < 500; i++) {
                store.events().append(new AppendRequest("g-1", i, "c-" + i, Instant.EPOCH, List.of(new NewEvent("Tick", 1, "{}".getBytes()))));
            }
        }

        assertThat(Files.exists(folder.resolve("statecraft.db-wal"))).as("write-ahead log left behind").isFalse();
        try (SqliteStore store = SqliteStore.open(file)) {
            assertThat(store.events().lastVersion("g-1")).isEqualTo(500);
        }
    }

    @Test
    void a_file_whose_schema_is_newer_than_this_version_is_refused_and_named_even_for_a_dotted_version() throws Exception {
        for (String version : new String[] {"99", SqliteStore.SCHEMA_VERSION + ".1", "202612031200"}) {
            Path file = folder.resolve("newer-" + version + ".db");
            SqliteStore.open(file).close();
            // What a later version of Statecraft would leave: a migration this one does not know, applied.
            history(file, "INSERT INTO statecraft_schema_history (installed_rank, version, description, type, script, checksum, installed_by, "
                    + "execution_time, success) VALUES (100, '" + version + "', 'from a later version', 'SQL', 'V" + version + "__later.sql', 0, 'test', 0, 1)");
            assertThatThrownBy(() -> SqliteStore.open(file).close()).as("schema version %s", version)
                    .isInstanceOf(StoreException.class).hasMessageContaining(file.toAbsolutePath().toString())
                    .hasMessageContaining("schema version " + version + ", newer than this version of Statecraft knows (" + SqliteStore.SCHEMA_VERSION + ")");
        }
    }

    @Test
    void a_file_at_the_current_schema_with_a_failed_migration_on_record_is_left_to_flyway_which_refuses_it() throws Exception {
        Path file = folder.resolve("statecraft.db");
        SqliteStore.open(file).close();
        history(file, "UPDATE statecraft_schema_history SET success = 0 WHERE version = '" + SqliteStore.SCHEMA_VERSION + "'");
        assertThatThrownBy(() -> SqliteStore.open(file).close()).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot migrate the schema of SQLite store " + file.toAbsolutePath()).hasMessageContaining("failed");
    }

    @Test
    void the_schema_version_the_store_knows_is_its_newest_migration_and_every_sql_migration_is_a_whole_version() throws Exception {
        Path migrations = Path.of(SqliteStore.class.getResource("/db/statecraft/sqlite").toURI());
        try (Stream<Path> files = Files.list(migrations)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertThat(names).as("migrations SchemaHistory can compare: V<whole number>__<name>.sql").allMatch(name -> name.matches("V[1-9][0-9]*__.+\\.sql"));
            int newest = names.stream().mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow();
            assertThat(SqliteStore.SCHEMA_VERSION).as("SqliteStore.SCHEMA_VERSION against the migrations shipped")
                    .isEqualTo(Math.max(newest, Math.max(EventsInChunksMigration.VERSION, CommandRunsMigration.VERSION)));
        }
    }

    private static void history(Path file, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = connection.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Test
    void the_checkpointer_keeps_the_log_far_below_the_writers_own_bound_while_one_game_commits_without_pause() throws Exception {
        Path file = folder.resolve("statecraft.db");
        Path log = folder.resolve("statecraft.db-wal");
        SqliteOptions options = SqliteOptions.defaults().withCheckpointPages(1_000);
        long frameBytes = options.pageSize() + 24;
        long writersOwnBound = ConnectionFactory.WRITER_CHECKPOINT_FACTOR * 1_000L * frameBytes;
        long largestLog = 0;
        long version = 0;
        try (SqliteStore store = SqliteStore.open(file, options, WriterListener.NONE)) {
            // Each commit adds 2 to 3 pages to the log: run until it was written full several times over (not for a
            // fixed time, which a slow disk or a busy machine would cut short).
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (version * 2 <= 3 * 4_000) {
                assertThat(System.nanoTime()).as("6,000 appends within 120 s").isLessThan(deadline);
                for (int i = 0; i < 100; i++, version++) {
                    store.events().append(new AppendRequest("g-1", version, "c-" + version, Instant.EPOCH,
                            List.of(new NewEvent("Tick", 1, "{}".getBytes()))));
                }
                largestLog = Math.max(largestLog, Files.size(log));
            }
            assertThat(store.events().lastVersion("g-1")).isEqualTo(version);
        }
        // The log file keeps the size it reached at its largest; the writer's own checkpoint would have let it
        // reach its bound before starting it again.
        assertThat(largestLog).as("largest log, bytes (the writer's own bound: %d)", writersOwnBound).isLessThan(writersOwnBound * 3 / 4);
    }

    @Test
    void the_writers_copies_of_the_rest_of_the_log_are_timed() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (SqliteStore store = SqliteStore.open(folder.resolve("statecraft.db"), SqliteOptions.defaults().withCheckpointPages(100), registry)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            for (long version = 0; registry.get("statecraft.store.log.copy").timer().count() == 0; version++) {
                assertThat(System.nanoTime()).as("a copy within 20 s of appends").isLessThan(deadline);
                store.events().append(new AppendRequest("g-1", version, "c-" + version, Instant.EPOCH, List.of(new NewEvent("Tick", 1, "{}".getBytes()))));
            }
        }
        assertThat(registry.get("statecraft.store.log.copy").timer().totalTime(TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void a_listener_that_throws_on_a_copy_of_the_log_does_not_stop_the_writer() {
        AtomicInteger copies = new AtomicInteger();
        WriterListener throwing = CopyListener.onEachCopy(() -> {
            copies.incrementAndGet();
            throw new IllegalStateException("listener bug");
        });
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (SqliteStore store = SqliteStore.open(folder.resolve("statecraft.db"), SqliteOptions.defaults().withCheckpointPages(100), throwing)) {
                long version = 0;
                for (; copies.get() < 2; version++) {
                    store.events().append(new AppendRequest("g-1", version, "c-" + version, Instant.EPOCH, List.of(new NewEvent("Tick", 1, "{}".getBytes()))));
                }
                assertThat(store.events().lastVersion("g-1")).isEqualTo(version);
            }
        });
    }
}
