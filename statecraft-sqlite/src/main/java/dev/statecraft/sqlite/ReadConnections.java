package dev.statecraft.sqlite;

import dev.statecraft.store.StoreException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** A fixed set of read-only sessions lent out one query at a time. */
final class ReadConnections implements AutoCloseable {
    private final Path file;
    private final BlockingQueue<SqlSession> idle;
    private final List<SqlSession> all = new ArrayList<>();

    ReadConnections(Path file, int count, ConnectionFactory factory) throws SQLException {
        this.file = file;
        this.idle = new ArrayBlockingQueue<>(count);
        for (int i = 0; i < count; i++) {
            SqlSession session = new SqlSession(factory.openReadOnly());
            all.add(session);
            idle.add(session);
        }
    }

    <T> T read(SqlWork<T> work) {
        SqlSession session;
        try {
            session = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("sqlite " + file + ": interrupted while waiting for a read connection", e);
        }
        try {
            return work.run(session);
        } catch (SQLException e) {
            throw new StoreException("sqlite " + file + ": read failed: " + e.getMessage(), e);
        } finally {
            idle.add(session);
        }
    }

    @Override
    public void close() {
        for (SqlSession session : all) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // closing a read-only connection cannot lose anything
            }
        }
    }
}
