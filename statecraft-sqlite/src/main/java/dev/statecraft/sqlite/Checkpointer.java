package dev.statecraft.sqlite;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Copies the write-ahead log back into the database file from its own connection and thread, so
 * checkpoints never run inside the group-commit writer's commit (where SQLite runs them by default,
 * stalling every write of that batch). Passive checkpoints never block the writer.
 */
final class Checkpointer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Checkpointer.class.getName());
    private static final long PERIOD_MILLIS = 250;

    private final Path file;
    private final Connection connection;
    private final Thread thread;
    private volatile boolean closed;

    Checkpointer(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.thread = Thread.ofPlatform().daemon().name("statecraft-sqlite-checkpointer").start(this::run);
    }

    private void run() {
        while (!closed) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(PASSIVE)");
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "sqlite " + file + ": checkpoint failed, will retry: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "sqlite " + file + ": closing the checkpoint connection failed", e);
        }
    }
}
