package dev.statecraft.sqlite;

import dev.statecraft.StatecraftException;
import dev.statecraft.store.StoreException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The only writer of the database: whoever holds its lock drains every pending write of every game and
 * commits them in one transaction with one sync. A write is complete, and its caller released, only
 * after the transaction holding it is committed and synced.
 *
 * <p>A caller of {@link #execute} on a platform thread that finds the lock free and no write waiting commits its
 * write on its own thread, as a batch of one: a game acknowledging command after command on a quiet store then
 * waits for its sync and no hand-over to another thread and back (decision record 0010). A virtual thread never
 * does: SQLite's native calls would pin its carrier for the length of a sync. Otherwise its write is queued for
 * the writer thread, which takes the lock once the running transaction ends and runs the queue as the next
 * batch; writes submitted without waiting ({@link #submit}) always go that way. Writes therefore still run
 * in the order they were submitted.
 *
 * <p>Writes check first and refuse before writing (see {@link WriteOp}), so a refused write needs no
 * undo and the batch runs without savepoints. If the database fails in the middle of a write, the
 * batch is rolled back and run again with each write in its own savepoint, so that only the failing
 * write fails.
 *
 * <p>Appends go to the {@link EventJournal}, one row for the batch's appends (one per write on the savepoint path),
 * and it moves them to their game's tables a game's worth at a time, in the transaction of a batch and a savepoint of
 * the moves' own: a move that fails is undone and tried again a game at a time, so that only the games whose move
 * fails keep waiting, and the batch goes on. Closing moves the rest. Should a commit fail and securing its outcome
 * fail too, the writer refuses every later write: the store must be opened again.
 *
 * <p>Copying the write-ahead log back into the database file is left to the {@link LogCheckpointer}, so
 * that no commit waits for it; the writer only copies, between two batches, the few pages committed
 * since the checkpointer's last pass, when it asks (see decision record 0007).
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GroupCommitWriter.class.getName());

    private record Pending<T>(WriteOp<T> op, CompletableFuture<T> done) {
    }

    /** The database failed part way through a write of the fast path. */
    private static final class MidWriteFailure extends Exception {
        MidWriteFailure(Throwable cause) {
            super(cause);
        }
    }

    /** Rolling back to a savepoint, or the whole transaction, failed: what the transaction holds is no longer known. */
    private static final class CannotIsolate extends Exception {
        CannotIsolate(SQLException cause) {
            super(cause);
        }
    }

    private final Path file;
    private final SqlSession session;
    private final int maxBatch;
    private final WriterListener listener;
    private final EventJournal journal;
    private final StreamVersions versions;
    private final LinkedBlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean restOfLogWanted = new AtomicBoolean();
    /** Held while a batch runs; guards the session, {@code versions} and {@code journal}. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Writes submitted and not yet in a running batch: the queue's, and the one the writer thread may hold. */
    private final AtomicInteger waiting = new AtomicInteger();
    private final Thread thread;
    private volatile boolean closing;
    /** Why the writer refuses every write, once a failed commit could not be secured; null until then. */
    private volatile String broken;

    GroupCommitWriter(Path file, SqlSession session, EventJournal journal, int maxBatch, WriterListener listener) {
        this.file = file;
        this.session = session;
        this.journal = journal;
        this.versions = new StreamVersions(journal);
        this.maxBatch = maxBatch;
        this.listener = listener;
        this.thread = Thread.ofPlatform().name("statecraft-sqlite-writer").daemon().start(this::run);
    }

    /** Runs {@code op} in the next batch and returns its result once that batch is durable. */
    <T> T execute(WriteOp<T> op) {
        if (!Thread.currentThread().isVirtual() && writing.tryLock()) {
            try {
                if (!closing) {
                    if (writing.getHoldCount() > 1) {
                        throw new IllegalStateException("sqlite " + file + ": a write cannot wait for another from inside a batch (a completion "
                                + "of a write submitted without waiting may not wait for a write)");
                    }
                    if (waiting.get() == 0) {
                        Pending<T> own = new Pending<>(op, new CompletableFuture<>());
                        runBatchAndCopyLogIfWanted(List.of(own));
                        return await(own.done());
                    }
                }
            } finally {
                writing.unlock();
            }
        }
        return await(submit(op));
    }

    synchronized <T> CompletableFuture<T> submit(WriteOp<T> op) {
        CompletableFuture<T> done = new CompletableFuture<>();
        if (closing || broken != null) {
            done.completeExceptionally(new StoreException("sqlite " + file + ": " + (closing ? "store is closed" : broken)));
            return done;
        }
        waiting.incrementAndGet();
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
                    stopping = closing; // only close stops the writer
                }
            }
            if (batch.isEmpty() && queue.isEmpty() && stopping) {
                return;
            }
            writing.lock();
            try {
                queue.drainTo(batch, maxBatch - batch.size());
                waiting.addAndGet(-batch.size());
                if (!batch.isEmpty()) {
                    runBatchAndCopyLogIfWanted(batch);
                    batch.clear();
                }
            } finally {
                writing.unlock();
            }
        }
    }

    private void runBatchAndCopyLogIfWanted(List<Pending<?>> batch) {
        if (broken != null) {
            failAll(batch, new StoreException("sqlite " + file + ": " + broken));
            return;
        }
        try {
            runBatch(batch);
        } catch (RuntimeException | Error unexpected) {
            // A bug, or the JVM out of memory: nothing of the batch may reach a later commit, and no caller may wait for ever.
            undoAndFailAll(batch, new StoreException("sqlite " + file + ": a batch of " + batch.size() + " writes failed unexpectedly; "
                    + "none of its writes is acknowledged: " + unexpected, unexpected));
        }
        if (restOfLogWanted.getAndSet(false)) {
            copyRestOfLogNow();
        }
    }

    /**
     * Asks the writer to copy the pages of the log that the {@link LogCheckpointer} has not, after the batch it
     * is running and before the next: with the log wholly copied, the next transaction starts it again from
     * its beginning.
     */
    void copyRestOfLog() {
        restOfLogWanted.set(true);
    }

    private void copyRestOfLogNow() {
        long started = System.nanoTime();
        try {
            if (LogCheckpointer.checkpointPassively(session.connection()) < 0) {
                return;
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "sqlite " + file + ": copying the rest of the log failed; the checkpointer asks again", e);
            return;
        }
        long nanos = System.nanoTime() - started;
        tellListener(() -> listener.logCopied(nanos));
    }

    private void runBatch(List<Pending<?>> batch) {
        long started = System.nanoTime();
        List<Runnable> completions;
        try {
            completions = applyAll(batch);
            writeJournalRowAndMoveDue();
        } catch (MidWriteFailure e) {
            LOG.log(Level.WARNING, "sqlite " + file + ": a write failed inside a batch of " + batch.size()
                    + "; running the batch again one savepoint per write: " + e.getCause().getMessage());
            versions.rollback();
            journal.rollback();
            try {
                session.connection().rollback();
                completions = applyEachInSavepoint(batch);
                moveDueGames();
                cutJournalHeadInSavepoint();
            } catch (SQLException | CannotIsolate notIsolated) {
                Throwable reason = notIsolated instanceof CannotIsolate ? notIsolated.getCause() : notIsolated;
                undoAndFailAll(batch, new StoreException("sqlite " + file + ": a write failed inside a batch and could not be rolled back alone; "
                        + "none of the batch's " + batch.size() + " writes was stored: " + reason.getMessage(), reason));
                return;
            }
        }
        journal.requireAllWritten(); // throws on a bug, and the batch is undone and failed (runBatchAndCopyLogIfWanted)
        long applied = System.nanoTime();
        try {
            session.connection().commit();
        } catch (SQLException e) {
            versions.rollback();
            rollbackQuietly();
            secureAfterFailedCommit();
            failAll(batch, new StoreException("sqlite " + file + ": commit of " + batch.size() + " writes failed; none is acknowledged: " + e.getMessage(), e));
            return;
        }
        try {
            versions.commit();
            journal.commit();
        } catch (RuntimeException | Error e) {
            // Stored, yet what waits in memory may lack it: a later append could take a version that is taken.
            broken = "a batch was committed but the writer's memory could not follow it (" + e + "); every write is refused until the store is "
                    + "opened again";
            failAll(batch, new StoreException("sqlite " + file + ": " + broken, e));
            return;
        }
        long committed = System.nanoTime();
        tellListener(() -> listener.batchCommitted(batch.size(), applied - started, committed - applied));
        completions.forEach(Runnable::run);
    }

    /** A listener's failure is logged: metrics must not stop the writer. */
    private void tellListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sqlite " + file + ": writer listener failed", e);
        }
    }

    /** Undoes what the batch changed, in memory and in the open transaction, and fails every write of it. */
    private void undoAndFailAll(List<Pending<?>> batch, StoreException failure) {
        versions.rollback();
        journal.rollback();
        rollbackQuietly();
        failAll(batch, failure);
    }

    private static void failAll(List<Pending<?>> batch, StoreException failure) {
        LOG.log(Level.ERROR, failure.getMessage(), failure.getCause());
        batch.forEach(p -> p.done().completeExceptionally(failure));
    }

    private List<Runnable> applyAll(List<Pending<?>> batch) throws MidWriteFailure {
        List<Runnable> completions = new ArrayList<>(batch.size());
        for (Pending<?> pending : batch) {
            completions.add(applyFast(pending));
        }
        return completions;
    }

    private void writeJournalRowAndMoveDue() throws MidWriteFailure {
        try {
            journal.writeRows(session);
            moveDueGames();
            journal.deleteRowsNoLongerWaiting(session);
        } catch (SQLException | CannotIsolate | RuntimeException e) {
            throw new MidWriteFailure(e);
        }
    }

    /**
     * Moves the journal's due games in a savepoint of their own. Should the move fail, each game is tried again alone, so
     * that one game whose move fails holds up no other; what fails keeps waiting.
     */
    private void moveDueGames() throws SQLException, CannotIsolate {
        Set<String> due = journal.dueGames();
        if (!due.isEmpty() && !moveInSavepoint(due) && due.size() > 1) {
            for (String gameId : due) {
                moveInSavepoint(Set.of(gameId));
            }
        }
    }

    /**
     * On the savepoint path: deletes the journal rows no longer waited for, in a savepoint, so that should it fail the
     * batch still commits; the next batch's cut takes them.
     */
    private void cutJournalHeadInSavepoint() throws SQLException, CannotIsolate {
        try (Statement s = session.connection().createStatement()) {
            s.execute("SAVEPOINT cut_journal");
            try {
                journal.deleteRowsNoLongerWaiting(session);
                s.execute("RELEASE cut_journal");
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "sqlite " + file + ": deleting the journal rows no longer waited for failed; a later batch deletes them", e);
                undoSavepoint(s, "cut_journal");
            }
        }
    }

    private boolean moveInSavepoint(Set<String> games) throws SQLException, CannotIsolate {
        try (Statement s = session.connection().createStatement()) {
            s.execute("SAVEPOINT move_events");
            try {
                journal.move(session, games);
                s.execute("RELEASE move_events");
                return true;
            } catch (SQLException | RuntimeException e) {
                journal.moveFailed(games, e);
                LOG.log(Level.WARNING, "sqlite " + file + ": moving the waiting events of " + (games.size() == 1 ? "game " + games.iterator().next()
                        : games.size() + " games") + " out of the journal failed; they keep waiting", e);
                undoSavepoint(s, "move_events");
                return false;
            }
        }
    }

    private static void undoSavepoint(Statement s, String name) throws CannotIsolate {
        try {
            s.execute("ROLLBACK TO " + name);
            s.execute("RELEASE " + name);
        } catch (SQLException e) {
            throw new CannotIsolate(e);
        }
    }

    private void secureAfterFailedCommit() {
        try {
            journal.secureAfterFailedCommit(session);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            broken = "a commit failed, and moving the journal to the tables after it failed too (" + e.getMessage()
                    + "); every write is refused until the store is opened again";
            LOG.log(Level.ERROR, "sqlite " + file + ": " + broken, e);
        }
    }

    private <T> Runnable applyFast(Pending<T> pending) throws MidWriteFailure {
        try {
            T result = pending.op().apply(session, versions, journal);
            return () -> pending.done().complete(result);
        } catch (StatecraftException refused) {
            return () -> pending.done().completeExceptionally(refused);
        } catch (SQLException | RuntimeException e) {
            throw new MidWriteFailure(e);
        }
    }

    private List<Runnable> applyEachInSavepoint(List<Pending<?>> batch) throws SQLException, CannotIsolate {
        List<Runnable> completions = new ArrayList<>(batch.size());
        for (Pending<?> pending : batch) {
            completions.add(applyInSavepoint(pending));
        }
        return completions;
    }

    /** Runs one write in a savepoint: if it fails, it alone is undone, in the database and in memory. */
    private <T> Runnable applyInSavepoint(Pending<T> pending) throws SQLException, CannotIsolate {
        try (Statement s = session.connection().createStatement()) {
            s.execute("SAVEPOINT write");
            Map<String, Long> versionsMark = versions.mark();
            EventJournal.Mark mark = journal.mark();
            try {
                T result = pending.op().apply(session, versions, journal);
                journal.writeRows(session); // this write's appends, in rows of their own
                s.execute("RELEASE write");
                return () -> pending.done().complete(result);
            } catch (SQLException | RuntimeException e) {
                versions.rollbackTo(versionsMark);
                journal.rollbackTo(mark);
                undoSavepoint(s, "write");
                RuntimeException failure = e instanceof RuntimeException re ? re
                        : new StoreException("sqlite " + file + ": write failed: " + e.getMessage(), e);
                return () -> pending.done().completeExceptionally(failure);
            }
        }
    }

    private void moveWaitingEvents() {
        try {
            JournalRecovery.moveAll(session);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            LOG.log(Level.WARNING, "sqlite " + file + ": moving the waiting events out of the journal failed; the next open moves them", e);
        }
    }

    private void rollbackQuietly() {
        try {
            session.connection().rollback();
        } catch (SQLException e) {
            LOG.log(Level.ERROR, "sqlite " + file + ": rollback failed", e);
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
        // Not given up on an interrupt: the writer may hold a write it took from the queue, to run once it has the lock.
        Threads.joinUninterruptibly(thread);
        StoreException closed = new StoreException("sqlite " + file + ": store is closed");
        queue.forEach(p -> p.done().completeExceptionally(closed)); // none left, as the writer ran the queue dry
        writing.lock(); // a caller's batch begun before closing ends first; none begins after
        moveWaitingEvents();
        try (Statement s = session.connection().createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "sqlite " + file + ": final checkpoint failed; the log is kept beside the database", e);
        }
        try {
            session.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "sqlite " + file + ": closing the write connection failed", e);
        }
    }
}
