package dev.statecraft.sqlite;

import dev.statecraft.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** A fixed set of read-only connections lent out one query at a time. */
final class ReadConnections implements AutoCloseable {
    private final Path file;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();

    ReadConnections(Path file, int count, ConnectionFactory factory) throws SQLException {
        this.file = file;
        this.idle = new ArrayBlockingQueue<>(count);
        for (int i = 0; i < count; i++) {
            Connection c = factory.openReadOnly();
            all.add(c);
            idle.add(c);
        }
    }

    <T> T read(SqlWork<T> work) {
        Connection c;
        try {
            c = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("sqlite " + file + ": interrupted while waiting for a read connection", e);
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("sqlite " + file + ": read failed: " + e.getMessage(), e);
        } finally {
            idle.add(c);
        }
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a read-only connection cannot lose anything
            }
        }
    }
}
