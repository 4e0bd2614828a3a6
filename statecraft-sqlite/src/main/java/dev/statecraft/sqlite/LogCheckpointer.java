package dev.statecraft.sqlite;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Copies the write-ahead log back into the database file on a thread and connection of its own, so that
 * the writer's commits, and the acknowledgements waiting on them, do not wait for the copy.
 *
 * <p>A log is only started again from its beginning when a writer begins a transaction and finds every
 * page of it copied. A busy writer commits while each pass copies, so this thread alone would never see
 * the log wholly copied and the log would grow without end. Once the log holds {@code checkpointPages}
 * pages, it therefore asks the writer to copy the few pages committed since its last pass, between two
 * batches (see {@link GroupCommitWriter#copyRestOfLog()}).
 *
 * <p>A pass copies pages into the database file without syncing it. SQLite syncs the file only in a copy that
 * reaches the log's end, the writer's, and that sync then writes every page the passes copied since the last
 * one: 20 to 40 ms on the development disk, during which every durable command waits. So just before it asks
 * the writer, this thread syncs the database file itself ({@link DatabaseFileSync}), and the writer's sync finds
 * only the pages of its own short copy left (decision record 0007). The extra sync comes once per copy of the
 * log, not after every pass: syncing after every pass made the writer's own commits slow.
 *
 * <p>A pass that fails is tried again every second, with one warning until one succeeds; meanwhile the
 * writer's own automatic checkpoint bounds the log (see {@link ConnectionFactory#WRITER_CHECKPOINT_FACTOR}).
 */
final class LogCheckpointer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LogCheckpointer.class.getName());
    /** How often a pass runs. A pass does not sync the database file (see above). */
    private static final Duration INTERVAL = Duration.ofMillis(50);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    /** Writes the database file's changed pages to the disk and waits for it. */
    @FunctionalInterface
    interface DatabaseSync {
        void sync() throws IOException;
    }

    /**
     * Runs a passive checkpoint on {@code connection}, which copies what it can and never waits for the
     * writer, and returns the pages the log holds (-1 if another checkpoint was running).
     */
    static int checkpointPassively(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rs.next();
            return rs.getInt(2);
        }
    }

    private final Path file;
    private final Connection connection;
    private final DatabaseSync databaseSync;
    private final int checkpointPages;
    private final GroupCommitWriter writer;
    private final Thread thread;
    private volatile boolean closing;

    LogCheckpointer(Path file, Connection connection, DatabaseSync databaseSync, int checkpointPages, GroupCommitWriter writer) {
        this.file = file;
        this.connection = connection;
        this.databaseSync = databaseSync;
        this.checkpointPages = checkpointPages;
        this.writer = writer;
        this.thread = Thread.ofPlatform().name("statecraft-sqlite-checkpointer").daemon().start(this::run);
    }

    private void run() {
        boolean failing = false;
        boolean syncFailing = false;
        while (!closing) {
            try {
                Thread.sleep(failing ? RETRY_AFTER_FAILURE : INTERVAL);
                int logPages = checkpointPassively(connection);
                if (failing) {
                    LOG.log(Level.INFO, "sqlite " + file + ": the checkpointer works again");
                    failing = false;
                }
                if (logPages >= checkpointPages && !closing) {
                    syncFailing = syncDatabaseFile(syncFailing);
                    writer.copyRestOfLog();
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                if (!failing) {
                    LOG.log(Level.WARNING, "sqlite " + file + ": a checkpoint failed; retrying every " + RETRY_AFTER_FAILURE.toSeconds()
                            + " s, and until one succeeds the writer copies the log back itself, inside a commit, once it holds "
                            + ConnectionFactory.WRITER_CHECKPOINT_FACTOR + " x " + checkpointPages + " pages", e);
                    failing = true;
                }
            }
        }
    }

    /**
     * Syncs the database file ahead of the writer's copy. It only spares the writer's sync some work: SQLite still
     * syncs the file in that copy, so a failure here is warned of once and the copy is asked for all the same.
     *
     * @return whether the sync failed
     */
    private boolean syncDatabaseFile(boolean failedBefore) {
        try {
            databaseSync.sync();
            if (failedBefore) {
                LOG.log(Level.INFO, "sqlite " + file + ": syncing the database file ahead of the writer's copy works again");
            }
            return false;
        } catch (IOException e) {
            if (!failedBefore) {
                LOG.log(Level.WARNING, "sqlite " + file + ": syncing the database file ahead of the writer's copy failed; the writer's copy "
                        + "syncs it as before, at its full length, until this works again", e);
            }
            return true;
        }
    }

    @Override
    public void close() {
        closing = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "sqlite " + file + ": closing the checkpointer's connection failed", e);
        }
    }
}
