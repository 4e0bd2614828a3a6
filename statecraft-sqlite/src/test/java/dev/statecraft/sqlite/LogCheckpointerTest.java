package dev.statecraft.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogCheckpointerTest {
    @TempDir
    Path folder;

    @Test
    void a_checkpoint_that_fails_is_tried_again_instead_of_stopping_the_checkpointer() throws SQLException {
        Path file = folder.resolve("statecraft.db");
        ConnectionFactory connections = new ConnectionFactory(file, SqliteOptions.defaults());
        AtomicInteger passes = new AtomicInteger();
        Connection real = connections.dataSource().getConnection();
        // The first pass fails as a database would; the later ones reach the real connection.
        Connection failingOnce = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createStatement") && passes.incrementAndGet() == 1) {
                        throw new SQLException("disk I/O error (injected)");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (GroupCommitWriter writer = new GroupCommitWriter(file, new SqlSession(connections.openWriter()), new EventJournal(CommandIdFilter.off()), 16, WriterListener.NONE)) {
            LogCheckpointer checkpointer = new LogCheckpointer(file, failingOnce, () -> { }, 1_000, writer);
            try {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(passes.get()).as("passes tried").isGreaterThanOrEqualTo(3));
            } finally {
                checkpointer.close();
            }
        }
    }

    @Test
    void the_database_file_is_synced_just_before_each_copy_the_writer_is_asked_for_and_after_no_other_pass() throws SQLException {
        Path file = folder.resolve("statecraft.db");
        ConnectionFactory connections = new ConnectionFactory(file, SqliteOptions.defaults());
        List<String> steps = new CopyOnWriteArrayList<>();
        try (GroupCommitWriter writer = writerWithATable(file, connections, CopyListener.onEachCopy(() -> steps.add("copy")))) {

            LogCheckpointer belowItsBound = new LogCheckpointer(file, connections.dataSource().getConnection(), () -> steps.add("sync"), 1_000_000, writer);
            try {
                await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                    run(writer, "INSERT INTO t VALUES (1)");
                    assertThat(steps).as("passes that leave the log below its bound").isEmpty();
                });
            } finally {
                belowItsBound.close();
            }

            LogCheckpointer overItsBound = new LogCheckpointer(file, connections.dataSource().getConnection(), () -> steps.add("sync"), 1, writer);
            try {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    run(writer, "INSERT INTO t VALUES (2)");
                    assertThat(steps).filteredOn("copy"::equals).hasSizeGreaterThanOrEqualTo(3);
                });
            } finally {
                overItsBound.close();
            }
        }
        assertThat(steps.getFirst()).isEqualTo("sync");
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).equals("copy")) {
                assertThat(steps.get(i - 1)).as("step before the copy at %d of %s", i, steps).isEqualTo("sync");
            }
        }
    }

    @Test
    void a_sync_that_fails_still_lets_the_writer_copy_the_log_so_the_log_still_starts_again() throws SQLException {
        Path file = folder.resolve("statecraft.db");
        ConnectionFactory connections = new ConnectionFactory(file, SqliteOptions.defaults());
        AtomicInteger copies = new AtomicInteger();
        AtomicInteger syncs = new AtomicInteger();
        try (GroupCommitWriter writer = writerWithATable(file, connections, CopyListener.onEachCopy(copies::incrementAndGet))) {
            LogCheckpointer checkpointer = new LogCheckpointer(file, connections.dataSource().getConnection(), () -> {
                syncs.incrementAndGet();
                throw new IOException("disk I/O error (injected)");
            }, 1, writer);
            try {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    run(writer, "INSERT INTO t VALUES (1)");
                    assertThat(copies.get()).as("copies while every sync fails").isGreaterThanOrEqualTo(3);
                });
            } finally {
                checkpointer.close();
            }
        }
        assertThat(syncs.get()).as("syncs tried").isGreaterThanOrEqualTo(3);
    }

    /** A writer on a migrated file (as {@link SqliteStore} builds it) that has committed a table {@code t} of its own. */
    private static GroupCommitWriter writerWithATable(Path file, ConnectionFactory connections, WriterListener listener) throws SQLException {
        SqliteStore.open(file).close();
        GroupCommitWriter writer = new GroupCommitWriter(file, new SqlSession(connections.openWriter()), new EventJournal(CommandIdFilter.off()), 16, listener);
        run(writer, "CREATE TABLE t (x INTEGER)");
        return writer;
    }

    private static void run(GroupCommitWriter writer, String sql) {
        writer.execute((session, versions, journal) -> {
            try (Statement statement = session.connection().createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }
}
