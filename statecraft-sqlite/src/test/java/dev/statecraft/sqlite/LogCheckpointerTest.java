package dev.statecraft.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
        try (GroupCommitWriter writer = new GroupCommitWriter(file, new SqlSession(connections.openWriter()), new CommandBacklog(), 16, WriterListener.NONE)) {
            LogCheckpointer checkpointer = new LogCheckpointer(file, failingOnce, () -> { }, 1_000, writer);
            try {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(passes.get()).as("passes tried").isGreaterThanOrEqualTo(3));
            } finally {
                checkpointer.close();
            }
        }
    }

    @Test
    void a_pass_that_copies_pages_syncs_the_database_file_and_a_pass_with_nothing_new_to_copy_does_not() throws SQLException {
        Path file = folder.resolve("statecraft.db");
        ConnectionFactory connections = new ConnectionFactory(file, SqliteOptions.defaults());
        AtomicInteger syncs = new AtomicInteger();
        try (Connection author = connections.openWriter();
             GroupCommitWriter writer = new GroupCommitWriter(file, new SqlSession(connections.openWriter()), new CommandBacklog(), 16, WriterListener.NONE)) {
            runAndCommit(author, "CREATE TABLE t (x INTEGER)");
            LogCheckpointer checkpointer = new LogCheckpointer(file, connections.dataSource().getConnection(), syncs::incrementAndGet, 1_000_000, writer);
            try {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(syncs.get()).as("syncs after the first pages").isEqualTo(1));
                await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                        .untilAsserted(() -> assertThat(syncs.get()).as("syncs over 6 passes with nothing new").isEqualTo(1));

                runAndCommit(author, "INSERT INTO t VALUES (1)");
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(syncs.get()).as("syncs after more pages").isEqualTo(2));
            } finally {
                checkpointer.close();
            }
        }
    }

    private static void runAndCommit(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
        connection.commit();
    }
}
