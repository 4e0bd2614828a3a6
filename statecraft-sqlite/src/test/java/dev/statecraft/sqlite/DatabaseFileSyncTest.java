package dev.statecraft.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The descriptor kept for syncing the database file: shared, closed last, and never dropping SQLite's locks. */
class DatabaseFileSyncTest {
    @TempDir
    Path folder;

    @Test
    void stores_of_one_process_share_one_descriptor_that_the_last_close_closes() throws IOException {
        Path file = Files.createFile(folder.resolve("statecraft.db"));
        DatabaseFileSync first = DatabaseFileSync.open(file);
        DatabaseFileSync second = DatabaseFileSync.open(folder.resolve(".").resolve("statecraft.db"));
        assertThat(descriptorsOf(file)).isEqualTo(1);

        first.close();
        first.close();
        assertThat(descriptorsOf(file)).as("open while the second uses it, however often the first is closed").isEqualTo(1);
        second.sync();

        second.close();
        assertThat(descriptorsOf(file)).isZero();
    }

    @Test
    void a_hard_link_to_the_file_is_the_same_file_and_shares_its_descriptor() throws IOException {
        Path file = Files.createFile(folder.resolve("statecraft.db"));
        Path link = Files.createLink(folder.resolve("link.db"), file);
        try (DatabaseFileSync first = DatabaseFileSync.open(file); DatabaseFileSync second = DatabaseFileSync.open(link)) {
            assertThat(descriptorsOf(file) + descriptorsOf(link)).as("descriptors of the file by either name").isEqualTo(1);
        }
        assertThat(descriptorsOf(file) + descriptorsOf(link)).isZero();
    }

    @Test
    void a_closed_store_leaves_no_descriptor_of_its_file_open() {
        Path file = folder.resolve("statecraft.db");
        SqliteStore.open(file).close();

        assertThat(descriptorsOf(file)).isZero();
    }

    @Test
    void another_store_closing_keeps_the_locks_sqlite_holds_where_closing_a_plain_descriptor_drops_them() throws Exception {
        Path file = folder.resolve("statecraft.db");
        try (Connection connection = writerWithATable(file); DatabaseFileSync own = DatabaseFileSync.open(file)) {
            own.sync();
            int held = locksOn(file);
            assertThat(held).as("POSIX locks SQLite holds on the database file in WAL mode").isPositive();

            DatabaseFileSync another = DatabaseFileSync.open(file);
            another.sync();
            another.close();
            assertThat(locksOn(file)).as("locks after another store's sync opened and closed").isEqualTo(held);

            FileChannel.open(file, StandardOpenOption.READ).close();
            assertThat(locksOn(file)).as("locks after opening and closing a plain descriptor: the hazard the sharing avoids").isZero();
        }
    }

    @Test
    void a_sync_on_an_interrupted_thread_keeps_the_descriptor_and_the_locks_sqlite_holds() throws Exception {
        Path file = folder.resolve("statecraft.db");
        try (Connection connection = writerWithATable(file); DatabaseFileSync own = DatabaseFileSync.open(file)) {
            int held = locksOn(file);
            assertThat(held).as("POSIX locks SQLite holds on the database file in WAL mode").isPositive();

            // Closing a store interrupts its checkpointer, which may be about to sync.
            Thread interrupted = new Thread(() -> {
                Thread.currentThread().interrupt();
                try {
                    own.sync();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            interrupted.start();
            interrupted.join();

            assertThat(locksOn(file)).as("locks after a sync on an interrupted thread").isEqualTo(held);
            own.sync(); // still open: a closed descriptor would throw here
        }
    }

    /** SQLite's writer connection on {@code file} in WAL mode, with a table committed: it holds its locks on the file. */
    private static Connection writerWithATable(Path file) throws SQLException {
        Connection connection = new ConnectionFactory(file, SqliteOptions.defaults()).openWriter();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE t (x INTEGER)");
        }
        connection.commit();
        return connection;
    }

    private static long descriptorsOf(Path file) {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            Path real = file.toRealPath();
            return descriptors.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This process's POSIX locks on {@code file}, from /proc/locks. */
    private static int locksOn(Path file) throws IOException, SQLException {
        long inode = (Long) Files.getAttribute(file, "unix:ino");
        String pid = Long.toString(ProcessHandle.current().pid());
        List<String> lines = Files.readAllLines(Path.of("/proc/locks"));
        return (int) lines.stream()
                .map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields.length > 5 && fields[1].equals("POSIX") && fields[4].equals(pid) && fields[5].endsWith(":" + inode))
                .count();
    }
}
