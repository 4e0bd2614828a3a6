package dev.statecraft.sqlite;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;

/**
 * Reads the command ids of {@code commands} into a {@link CommandIdFilter} on a thread of its own, so that opening the
 * store does not wait for it (about 0.6 s a million records on a 2-core machine; decision record 0011). Until it is done
 * the filter says "maybe" to every id, and each new id is looked up as if there were no filter. The writer adds the id of
 * every append it commits from the store's opening on, so the filter misses none: an id is either in the table this
 * reads or committed since the store opened. Should the read fail, the filter stays incomplete: slower, never wrong.
 */
final class CommandIdFilterLoader implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CommandIdFilterLoader.class.getName());

    private final Path file;
    private final Thread thread;
    private volatile boolean closing;

    private CommandIdFilterLoader(Path file, ConnectionFactory connections, CommandIdFilter filter) {
        this.file = file;
        this.thread = Thread.ofPlatform().name("statecraft-sqlite-filter-loader").daemon().start(() -> run(connections, filter));
    }

    /** Starts reading the table of {@code file} into {@code filter}, which must be {@link CommandIdFilter#incomplete}. */
    static CommandIdFilterLoader start(Path file, ConnectionFactory connections, CommandIdFilter filter) {
        return new CommandIdFilterLoader(file, connections, filter);
    }

    private void run(ConnectionFactory connections, CommandIdFilter filter) {
        long started = System.nanoTime();
        try (Connection connection = connections.openReadOnly()) {
            long read = read(connection, filter, () -> closing);
            if (filter.isComplete()) {
                LOG.log(Level.DEBUG, "sqlite {0}: read {1} command ids into the filter of stored ids in {2} ms", file, read,
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (SQLException | RuntimeException e) {
            if (!closing) {
                LOG.log(Level.WARNING, "sqlite " + file + ": reading the stored command ids into their filter failed; every new command id is "
                        + "looked up in the table instead, until the store is opened again", e);
            }
        }
    }

    /**
     * Adds every record of {@code commands} to {@code filter} and marks it complete, unless {@code stop} turns true
     * first; switches it off instead if the table holds as many records as the filter may hold ({@link
     * CommandIdFilter#maxIds}) or more. Returns the records read.
     */
    static long read(Connection connection, CommandIdFilter filter, BooleanSupplier stop) throws SQLException {
        long read = 0;
        try (Statement s = connection.createStatement()) {
            try (ResultSet count = s.executeQuery("SELECT COUNT(*) FROM commands")) {
                count.next();
                if (count.getLong(1) >= filter.maxIds()) {
                    filter.switchOff();
                    return 0;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT game_id, command_id FROM commands")) {
                while (rs.next()) {
                    if (stop.getAsBoolean() || filter.isOff()) {
                        return read;
                    }
                    filter.add(rs.getString(1), rs.getString(2));
                    read++;
                }
            }
        }
        filter.markComplete();
        return read;
    }

    /** Stops the read if it still runs, and waits for its thread to end. */
    @Override
    public void close() {
        closing = true;
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
