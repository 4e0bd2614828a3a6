package dev.statecraft.sqlite;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Syncs a database file to the disk from outside SQLite, through a read-only descriptor of its own.
 *
 * <p>Closing any descriptor of a file drops every POSIX lock this process holds on that file, SQLite's included:
 * a connection in WAL mode holds a shared lock on the database file for as long as it is open, and another
 * process that found no such lock could take the log away. So one descriptor is shared by every store of this
 * process on the same file, and it is closed only when the last of them closes it, after its own connections.
 *
 * <p>A sync that fails here does not hide the failure from SQLite: Linux reports a failed write-back to every
 * descriptor of the file that was open when it failed, so SQLite's own sync of the file fails too.
 */
final class DatabaseFileSync implements LogCheckpointer.DatabaseSync, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DatabaseFileSync.class.getName());

    /** One descriptor of a file and how many open {@link DatabaseFileSync}s use it. */
    private static final class SharedChannel {
        private final FileChannel channel;
        private int users;

        SharedChannel(FileChannel channel) {
            this.channel = channel;
        }
    }

    private static final Map<Path, SharedChannel> OPEN = new HashMap<>();

    private final Path file;
    private final SharedChannel shared;
    private boolean closed;

    private DatabaseFileSync(Path file, SharedChannel shared) {
        this.file = file;
        this.shared = shared;
    }

    /** Syncs {@code file} through the descriptor this process has open on it, opening one if there is none. */
    static DatabaseFileSync open(Path file) throws IOException {
        Path key = file.toRealPath();
        synchronized (OPEN) {
            SharedChannel shared = OPEN.get(key);
            if (shared == null) {
                shared = new SharedChannel(FileChannel.open(key, StandardOpenOption.READ));
                OPEN.put(key, shared);
            }
            shared.users++;
            return new DatabaseFileSync(key, shared);
        }
    }

    /** Writes the file's changed pages to the disk and waits for it (fdatasync). */
    @Override
    public void sync() throws IOException {
        shared.channel.force(false);
    }

    /** Closes the descriptor if no other store of this process uses it; call it after closing this store's connections. */
    @Override
    public void close() {
        synchronized (OPEN) {
            if (closed) {
                return;
            }
            closed = true;
            if (--shared.users == 0) {
                OPEN.remove(file);
                try {
                    shared.channel.close();
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "sqlite " + file + ": closing the descriptor kept for syncing the database file failed", e);
                }
            }
        }
    }
}
