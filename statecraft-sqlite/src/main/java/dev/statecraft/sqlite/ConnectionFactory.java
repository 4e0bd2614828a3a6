package dev.statecraft.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens connections to one database file with the settings the store relies on. */
final class ConnectionFactory {
    /**
     * The writer's own automatic checkpoint, at this many times {@code checkpointPages}: a bound on the log
     * should the {@link LogCheckpointer} fall behind or stop. It runs inside a commit, so it is kept rare.
     */
    static final int WRITER_CHECKPOINT_FACTOR = 4;

    private final Path file;
    private final SqliteOptions options;

    ConnectionFactory(Path file, SqliteOptions options) {
        this.file = file;
        this.options = options;
    }

    SQLiteDataSource dataSource() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // Durable: a commit returns only after the WAL is synced to the disk.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) options.busyTimeout().toMillis());
        // No table has generated keys; without this the driver runs a regex over the SQL of every update.
        config.setGetGeneratedKeys(false);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }

    Connection openWriter() throws SQLException {
        Connection c = dataSource().getConnection();
        try (Statement s = c.createStatement()) {
            // Takes effect only while the file is still empty, that is before the schema is created.
            s.execute("PRAGMA page_size=" + options.pageSize());
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            // The LogCheckpointer copies the log back; this is the bound should it fall behind. A log that grows
            // without end would make every sync extend the file, which costs this disk a third of its sync rate.
            s.execute("PRAGMA wal_autocheckpoint=" + WRITER_CHECKPOINT_FACTOR * options.checkpointPages());
            s.execute("PRAGMA journal_size_limit=67108864");
            // The writer touches the newest pages of every active game; keep them all in memory.
            s.execute("PRAGMA cache_size=-" + options.writerCacheKib());
        }
        c.setAutoCommit(false);
        return c;
    }


    Connection openReadOnly() throws SQLException {
        Connection c = dataSource().getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA query_only=1");
        }
        return c;
    }
}
