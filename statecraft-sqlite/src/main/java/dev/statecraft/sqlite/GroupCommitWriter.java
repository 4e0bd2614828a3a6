package dev.statecraft.sqlite;

import dev.statecraft.StatecraftException;
import dev.statecraft.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The only writer of the database: one thread that drains every pending write of every game and
 * commits them in one transaction with one sync. A write is complete, and its caller released,
 * only after the transaction holding it is committed and synced. Each write runs in a savepoint,
 * so one refused write (a version conflict, say) does not undo the others in its batch.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GroupCommitWriter.class.getName());

    private record Pending<T>(WriteOp<T> op, CompletableFuture<T> done) {
    }

    private final Path file;
    private final Connection connection;
    private final int maxBatch;
    private final WriterListener listener;
    private final StreamVersions versions = new StreamVersions();
    private final LinkedBlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private boolean closing;

    GroupCommitWriter(Path file, Connection connection, int maxBatch, WriterListener listener) {
        this.file = file;
        this.connection = connection;
        this.maxBatch = maxBatch;
        this.listener = listener;
        this.thread = Thread.ofPlatform().name("statecraft-sqlite-writer").daemon().start(this::run);
    }

    /** Runs {@code op} in the next batch and returns its result once that batch is durable. */
    <T> T execute(WriteOp<T> op) {
        return await(submit(op));
    }

    synchronized <T> CompletableFuture<T> submit(WriteOp<T> op) {
        CompletableFuture<T> done = new CompletableFuture<>();
        if (closing) {
            done.completeExceptionally(new StoreException("sqlite " + file + ": store is closed"));
            return done;
        }
        queue.add(new Pending<>(op, done));
        return done;
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StatecraftException se) {
                throw se;
            }
            throw e;
        }
    }

    private void run() {
        List<Pending<?>> batch = new ArrayList<>(maxBatch);
        boolean stopping = false;
        while (true) {
            if (!stopping) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    stopping = true;
                }
            }
            queue.drainTo(batch, maxBatch - batch.size());
            if (batch.isEmpty() && stopping) {
                return;
            }
            if (!batch.isEmpty()) {
                runBatch(batch);
                batch.clear();
            }
        }
    }

    private void runBatch(List<Pending<?>> batch) {
        long started = System.nanoTime();
        List<Runnable> completions = new ArrayList<>(batch.size());
        for (Pending<?> pending : batch) {
            completions.add(apply(pending));
        }
        long applied = System.nanoTime();
        try {
            connection.commit();
            versions.commit();
        } catch (SQLException e) {
            versions.rollback();
            rollbackQuietly();
            StoreException failure = new StoreException("sqlite " + file + ": commit of " + batch.size() + " writes failed, none was stored: " + e.getMessage(), e);
            LOG.log(System.Logger.Level.ERROR, failure.getMessage(), e);
            batch.forEach(p -> p.done().completeExceptionally(failure));
            return;
        }
        long committed = System.nanoTime();
        try {
            listener.batchCommitted(batch.size(), applied - started, committed - applied);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "sqlite " + file + ": writer listener failed", e);
        }
        completions.forEach(Runnable::run);
    }

    /** Runs one write in its own savepoint; returns how to complete its caller once the batch commits. */
    private <T> Runnable apply(Pending<T> pending) {
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            return () -> pending.done().completeExceptionally(new StoreException("sqlite " + file + ": " + e.getMessage(), e));
        }
        try {
            T result = pending.op().apply(connection, versions);
            connection.releaseSavepoint(savepoint);
            return () -> pending.done().complete(result);
        } catch (SQLException | RuntimeException e) {
            undo(savepoint);
            RuntimeException failure = e instanceof RuntimeException re ? re
                    : new StoreException("sqlite " + file + ": write failed: " + e.getMessage(), e);
            return () -> pending.done().completeExceptionally(failure);
        }
    }

    private void undo(Savepoint savepoint) {
        try {
            connection.rollback(savepoint);
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw new StoreException("sqlite " + file + ": cannot roll back a failed write: " + e.getMessage(), e);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.ERROR, "sqlite " + file + ": rollback failed", e);
        }
    }

    /** Commits what is queued, then stops the writer and closes its connection. */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StoreException closed = new StoreException("sqlite " + file + ": store is closed");
        queue.forEach(p -> p.done().completeExceptionally(closed));
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "sqlite " + file + ": closing the write connection failed", e);
        }
    }
}
