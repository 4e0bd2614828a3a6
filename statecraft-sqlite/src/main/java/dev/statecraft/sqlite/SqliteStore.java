package dev.statecraft.sqlite;

import dev.statecraft.store.Archive;
import dev.statecraft.store.EventLog;
import dev.statecraft.store.GameCatalog;
import dev.statecraft.store.GameImport;
import dev.statecraft.store.SnapshotStore;
import dev.statecraft.store.Store;
import dev.statecraft.store.StoreException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The embedded default store: one SQLite file in WAL mode, every write committed with a full sync by
 * one group-commit writer. Opening creates the file and its folder if needed and migrates the schema.
 *
 * <pre>{@code
 * try (Store store = SqliteStore.open(Path.of("data/statecraft.db"))) { ... }
 * }</pre>
 */
public final class SqliteStore implements Store {
    /**
     * The schema this version of Statecraft writes: its newest migration, in {@code db/statecraft/sqlite} or in Java
     * ({@link EventsInChunksMigration}, {@link CommandRunsMigration}; a test keeps them equal).
     */
    static final int SCHEMA_VERSION = 6;

    private final Path file;
    private final GroupCommitWriter writer;
    private final LogCheckpointer checkpointer;
    private final DatabaseFileSync databaseFile;
    private final ReadConnections reads;
    private final SqliteCatalog catalog;
    private final SqliteEventLog events;
    private final SqliteSnapshots snapshots;
    private final SqliteArchive archive;
    private final EventJournal journal;
    private final CommandIdFilterLoader filterLoader;

    private SqliteStore(Path file, GroupCommitWriter writer, EventJournal journal, LogCheckpointer checkpointer, DatabaseFileSync databaseFile,
            ReadConnections reads, CommandIdFilterLoader filterLoader) {
        this.file = file;
        this.filterLoader = filterLoader;
        this.writer = writer;
        this.checkpointer = checkpointer;
        this.databaseFile = databaseFile;
        this.reads = reads;
        this.journal = journal;
        this.catalog = new SqliteCatalog(writer, reads, journal);
        this.events = new SqliteEventLog(writer, reads, journal);
        this.snapshots = new SqliteSnapshots(writer, reads);
        this.archive = new SqliteArchive(writer, reads);
    }

    public static SqliteStore open(Path file) {
        return open(file, SqliteOptions.defaults(), WriterListener.NONE);
    }

    /**
     * Opens the store with its meters in {@code registry}: the writer's batches ({@link SqliteWriterMetrics}) and
     * {@code statecraft.store.events.waiting}, the events committed to the journal and not yet moved to their table.
     */
    public static SqliteStore open(Path file, SqliteOptions options, MeterRegistry registry) {
        SqliteStore store = open(file, options, new SqliteWriterMetrics(registry));
        Gauge.builder("statecraft.store.events.waiting", store.journal, EventJournal::waiting)
                .description("Events committed to the journal but not yet moved to their game's tables (decision record 0011)")
                .register(registry);
        return store;
    }

    /**
     * @throws StoreException naming the file if it cannot be created, is not a SQLite database, is damaged,
     *                        or holds a schema newer than this version of Statecraft
     */
    public static SqliteStore open(Path file, SqliteOptions options, WriterListener listener) {
        Path absolute = file.toAbsolutePath();
        createFolder(absolute);
        ConnectionFactory connections = new ConnectionFactory(absolute, options);
        Connection writeConnection = null;
        Connection checkpointConnection = null;
        DatabaseFileSync databaseFile = null;
        ReadConnections reads = null;
        try {
            writeConnection = connections.openWriter();
            if (options.checkOnOpen()) {
                checkIntegrity(absolute, writeConnection);
            }
            writeConnection.commit();
            migrate(absolute, connections, writeConnection);
            SqlSession writeSession = new SqlSession(writeConnection);
            moveJournal(absolute, writeSession);
            reads = new ReadConnections(absolute, options.readConnections(), connections);
            checkpointConnection = connections.dataSource().getConnection();
            databaseFile = DatabaseFileSync.open(absolute);
            CommandIdFilter storedCommandIds = CommandIdFilter.loading();
            EventJournal journal = new EventJournal(storedCommandIds);
            GroupCommitWriter writer = new GroupCommitWriter(absolute, writeSession, journal, options.maxBatch(), listener);
            LogCheckpointer checkpointer = new LogCheckpointer(absolute, checkpointConnection, databaseFile, options.checkpointPages(), writer);
            return new SqliteStore(absolute, writer, journal, checkpointer, databaseFile, reads,
                    CommandIdFilterLoader.start(absolute, connections, storedCommandIds));
        } catch (SQLException | IOException e) {
            closeQuietly(writeConnection, checkpointConnection, reads, databaseFile);
            throw new StoreException("cannot open SQLite store " + absolute + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(writeConnection, checkpointConnection, reads, databaseFile);
            throw e;
        }
    }

    /** Moves what a stopped process left in the journal; a row that cannot be read stops the opening, naming the file. */
    private static void moveJournal(Path file, SqlSession session) throws SQLException {
        try {
            JournalRecovery.moveAll(session);
        } catch (StoreException e) {
            throw new StoreException("SQLite store " + file + " will not be opened: " + e.getMessage() + "; restore it from a backup or move it aside", e);
        }
    }

    private static void createFolder(Path file) {
        try {
            Path folder = file.getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of SQLite store " + file + ": " + e, e);
        }
    }

    private static void checkIntegrity(Path file, Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            StringBuilder problems = new StringBuilder();
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    problems.append(problems.isEmpty() ? "" : "; ").append(line);
                }
            }
            if (!problems.isEmpty()) {
                throw new StoreException("SQLite store " + file + " is damaged and will not be opened (quick_check: " + problems
                        + "); restore it from a backup or move it aside");
            }
        }
    }

    /**
     * Brings the schema to {@link #SCHEMA_VERSION} with Flyway, unless the file is exactly there already (see {@link
     * SchemaHistory}). Refuses a schema newer than this version of Statecraft knows, which Flyway itself would let pass.
     */
    private static void migrate(Path file, ConnectionFactory connections, Connection connection) throws SQLException {
        SchemaHistory history = SchemaHistory.read(connection);
        Optional<String> newer = history.newerThan(SCHEMA_VERSION);
        if (newer.isPresent()) {
            throw new StoreException("SQLite store " + file + " holds schema version " + newer.get() + ", newer than this version of "
                    + "Statecraft knows (" + SCHEMA_VERSION + "); open it with the version that wrote it, or a later one");
        }
        if (history.exactlyAt(SCHEMA_VERSION)) {
            return;
        }
        try {
            Flyway.configure()
                    .dataSource(connections.dataSource())
                    .locations("classpath:db/statecraft/sqlite")
                    .javaMigrations(new EventsInChunksMigration(), new CommandRunsMigration())
                    .table(SchemaHistory.TABLE)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String why = cause == e ? e.getMessage() : e.getMessage() + " (" + cause.getMessage() + ")"; // a Java migration's reason is its cause's
            throw new StoreException("cannot migrate the schema of SQLite store " + file + ": " + why, e);
        }
    }

    /** Closes what an open that failed had opened; the descriptor kept for syncing last, after the connections (see {@link DatabaseFileSync}). */
    private static void closeQuietly(Connection writeConnection, Connection checkpointConnection, ReadConnections reads, DatabaseFileSync databaseFile) {
        if (reads != null) {
            reads.close();
        }
        for (Connection connection : new Connection[] {checkpointConnection, writeConnection}) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the open already failed; its error is the one worth reporting
                }
            }
        }
        if (databaseFile != null) {
            databaseFile.close();
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public GameCatalog games() {
        return catalog;
    }

    @Override
    public EventLog events() {
        return events;
    }

    @Override
    public SnapshotStore snapshots() {
        return snapshots;
    }

    @Override
    public Archive archive() {
        return archive;
    }

    /** One transaction with the game's record and all its events and command records. */
    @Override
    public void importGame(GameImport game) {
        catalog.importGame(game);
    }

    @Override
    public String describe() {
        return "sqlite:" + file;
    }

    /** Commits every write already queued, folds the write-ahead log into the database file, and closes it. */
    @Override
    public void close() {
        filterLoader.close();
        reads.close();
        checkpointer.close();
        writer.close();
        databaseFile.close();
    }
}
