package dev.statecraft.sqlite;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * Syncs a database file to the disk from outside SQLite, through a read-only descriptor of its own.
 *
 * <p>Closing any descriptor of a file drops every POSIX lock this process holds on that file, SQLite's included:
 * a connection in WAL mode holds a shared lock on the database file for as long as it is open, and another
 * process that found no such lock could take the log away. So one descriptor is shared by every store of this
 * process on the same file, and it is closed only when the last of them closes it, after its own connections.
 * For the same reason it is not a {@code FileChannel}: a channel is closed when a thread blocked in it, or entering
 * it, is interrupted, and closing a store interrupts its checkpointer. {@link java.io.FileDescriptor#sync()} is
 * never interrupted.
 *
 * <p>A sync that fails here does not hide the failure from SQLite: Linux (4.13 and later) reports a failed write-back to every
 * descriptor of the file that was open when it failed, so SQLite's own sync of the file fails too.
 */
final class DatabaseFileSync implements LogCheckpointer.DatabaseSync, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DatabaseFileSync.class.getName());

    /** One descriptor of a file and how many open {@link DatabaseFileSync}s use it. */
    private static final class SharedDescriptor {
        private final RandomAccessFile file;
        private int users;

        SharedDescriptor(RandomAccessFile file) {
            this.file = file;
        }
    }

    /** By the file's identity (device and inode), as the kernel keeps its locks: a link or a second path to it is the same file. */
    private static final Map<Object, SharedDescriptor> OPEN = new HashMap<>();

    private final Path file;
    private final Object identity;
    private final SharedDescriptor shared;
    private boolean closed;

    private DatabaseFileSync(Path file, Object identity, SharedDescriptor shared) {
        this.file = file;
        this.identity = identity;
        this.shared = shared;
    }

    /** Syncs {@code file} through the descriptor this process has open on it, opening one if there is none. */
    static DatabaseFileSync open(Path file) throws IOException {
        Path real = file.toRealPath();
        Object identity = Files.readAttributes(real, BasicFileAttributes.class).fileKey();
        synchronized (OPEN) {
            SharedDescriptor shared = OPEN.get(identity);
            if (shared == null) {
                shared = new SharedDescriptor(new RandomAccessFile(real.toFile(), "r"));
                OPEN.put(identity, shared);
            }
            shared.users++;
            return new DatabaseFileSync(real, identity, shared);
        }
    }

    /** Writes the file's changed pages to the disk and waits for it (fsync); an interrupt neither stops it nor closes anything. */
    @Override
    public void sync() throws IOException {
        shared.file.getFD().sync();
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
                OPEN.remove(identity);
                try {
                    shared.file.close();
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "sqlite " + file + ": closing the descriptor kept for syncing the database file failed", e);
                }
            }
        }
    }
}
