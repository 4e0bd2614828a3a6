package dev.statecraft.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
        try (GroupCommitWriter writer = new GroupCommitWriter(file, new SqlSession(connections.openWriter()), new EventJournal(CommandIdFilter.off()), 16, WriterListener.NONE)) {
            LogCheckpointer checkpointer = new LogCheckpointer(file, failingOnce, 1_000, writer);
            try {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(passes.get()).as("passes tried").isGreaterThanOrEqualTo(3));
            } finally {
                checkpointer.close();
            }
        }
    }
}
