package dev.statecraft.sqlite;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;

/**
 * Reads the command ids of {@code command_runs} into a {@link CommandIdFilter} on a thread of its own, so that opening the
 * store does not wait for it (decision record 0011). Until it is done
 * the filter says "maybe" to every id, and each new id is looked up as if there were no filter. The writer adds the id of
 * every append it stages from the store's opening on, so the filter misses none: an id is either in the table when the
 * store opened, and read here, or staged since. Should the read fail, the filter switches off: slower, never wrong.
 *
 * <p>The table is read in pages of {@link #PAGE} rows in key order ({@link CommandRuns#readPage}), each page a statement of
 * its own, so that no read holds the write-ahead log back for long (a reader's snapshot keeps the checkpointer from
 * copying past it). A record present when the store opened either keeps its row or moves, merged, to a row of a higher
 * level, a later key of its game, so some page reads it; one added since may be read or not, and is in the filter
 * anyway.
 */
final class CommandIdFilterLoader implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CommandIdFilterLoader.class.getName());
    /** Rows of {@code command_runs} a page reads: about 12,800 ids. */
    static final int PAGE = 100;

    private final Path file;
    private final Thread thread;
    private volatile boolean closing;

    private CommandIdFilterLoader(Path file, ConnectionFactory connections, CommandIdFilter filter) {
        this.file = file;
        this.thread = Thread.ofPlatform().name("statecraft-sqlite-filter-loader").daemon().start(() -> run(connections, filter));
    }

    /** Starts reading the table of {@code file} into {@code filter}, which must be {@link CommandIdFilter#loading}. */
    static CommandIdFilterLoader start(Path file, ConnectionFactory connections, CommandIdFilter filter) {
        return new CommandIdFilterLoader(file, connections, filter);
    }

    private void run(ConnectionFactory connections, CommandIdFilter filter) {
        long started = System.nanoTime();
        try (Connection connection = connections.openReadOnly()) {
            long read = read(connection, filter, () -> closing);
            LOG.log(Level.DEBUG, "sqlite {0}: read {1} command ids into the filter of stored ids in {2} ms; the filter is {3}", file, read,
                    (System.nanoTime() - started) / 1_000_000, filter.state());
        } catch (Throwable e) { // an Error too: a filter left loading would be fed for ever and never answer
            filter.switchOff();
            if (!closing) {
                LOG.log(Level.WARNING, "sqlite " + file + ": reading the stored command ids into their filter failed; every new command id is "
                        + "looked up in the table instead, until the store is opened again", e);
            }
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    /**
     * Adds every record of {@code command_runs} to {@code filter} and marks it loaded, unless {@code stop} turns true first
     * (the filter then stays loading), or the filter switches itself off on reaching the most ids it may hold ({@link
     * CommandIdFilter#maxIds}), which ends the read. Returns the records read.
     */
    static long read(Connection connection, CommandIdFilter filter, BooleanSupplier stop) throws SQLException {
        long read = 0;
        CommandRuns.Page page = CommandRuns.readPage(connection, null, PAGE);
        while (page.rows() > 0) {
            if (stop.getAsBoolean() || filter.state() == CommandIdFilter.State.OFF) {
                return read;
            }
            filter.addAll(page.ids());
            read += page.ids().size();
            if (page.rows() < PAGE) {
                break; // the table's end: a page of fewer rows than asked for
            }
            page = CommandRuns.readPage(connection, page.last(), PAGE);
        }
        filter.markLoaded();
        return read;
    }

    /** Stops the read if it still runs, and waits for its thread to end. */
    @Override
    public void close() {
        closing = true;
        Threads.joinUninterruptibly(thread);
    }
}
