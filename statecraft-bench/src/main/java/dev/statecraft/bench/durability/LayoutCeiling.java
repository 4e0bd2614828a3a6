package dev.statecraft.bench.durability;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;

/**
 * The ceiling that a table layout puts on durable writes, measured on bare SQLite with no engine, so that
 * the store's figures ({@link DurableLoad}) can be read against what its tables allow at all.
 *
 * <p>Two layouts, with the store's pragmas (WAL, {@code synchronous=FULL}, a 256 MiB writer cache) and SQLite's own
 * checkpoint every 4,000 pages, inside a commit, as the store ran before decision record 0007:
 * <ul>
 *   <li>{@code store}: the store's tables as they were before decision record 0011, {@code events} keyed by (game,
 *       version) and {@code commands} keyed by (game, command id), one row in each per write (the store has since
 *       moved to a journal, chunks and sorted runs, decision records 0011 to 0013; this layout stays as the
 *       baseline those were measured against);</li>
 *   <li>{@code append-only}: one table keyed by a growing row number, the same columns, one row per write
 *       and nothing else: every write of a batch lands on the table's last page.</li>
 * </ul>
 * Two loads, each alternating with a raw fsync probe of the same folder ({@link RawFsync}) for
 * {@code --rounds} rounds: one game, one write per commit (goal (e)); and writes to random games of
 * {@code --games} (1,000), {@code --batch} (250) per commit (goal (d)). Before a load is timed, every game
 * gets {@code --history} (300) writes, and the pages that one commit adds to the write-ahead log are counted
 * over 200 commits with checkpoints held off.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.statecraft.bench.durability.LayoutCeiling [--seconds 2]
 * [--fsync-seconds 2] [--rounds 3] [--games 1000] [--batch 250] [--history 300] [--data folder] [--keep]}
 */
public final class LayoutCeiling {
    private static final String SECONDS = "--seconds";
    private static final String FSYNC_SECONDS = "--fsync-seconds";
    private static final String ROUNDS = "--rounds";
    private static final String GAMES = "--games";
    private static final String BATCH = "--batch";
    private static final String HISTORY = "--history";
    private static final int CHECKPOINT_PAGES = 4_000;
    private static final int COUNTED_COMMITS = 200;
    /** A world move event as the engine encodes it: about the size the store writes per event. */
    private static final byte[] PAYLOAD = "{\"player\":\"player-3\",\"from\":{\"x\":12,\"y\":7},\"to\":{\"x\":13,\"y\":7}}".getBytes();

    enum Layout {
        STORE("store", """
                CREATE TABLE events (game_id TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL,
                    payload BLOB NOT NULL, recorded_at INTEGER NOT NULL, command_id TEXT NOT NULL, PRIMARY KEY (game_id, version)) WITHOUT ROWID;
                CREATE TABLE commands (game_id TEXT NOT NULL, command_id TEXT NOT NULL, first_version INTEGER NOT NULL,
                    last_version INTEGER NOT NULL, PRIMARY KEY (game_id, command_id)) WITHOUT ROWID""",
                List.of("INSERT INTO events VALUES (?, ?, 'Moved', 1, ?, ?, ?)", "INSERT INTO commands VALUES (?, ?, ?, ?)")),
        APPEND_ONLY("append-only", """
                CREATE TABLE log (position INTEGER PRIMARY KEY, game_id TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL,
                    schema_version INTEGER NOT NULL, payload BLOB NOT NULL, recorded_at INTEGER NOT NULL, command_id TEXT NOT NULL)""",
                List.of("INSERT INTO log (game_id, version, type, schema_version, payload, recorded_at, command_id) VALUES (?, ?, 'Moved', 1, ?, ?, ?)"));

        final String label;
        final String schema;
        final List<String> inserts;

        Layout(String label, String schema, List<String> inserts) {
            this.label = label;
            this.schema = schema;
            this.inserts = inserts;
        }
    }

    /** One load: how many games, and how many writes each commit carries. */
    record Load(String label, int games, int writesPerCommit) {
    }

    /** What one layout did under one load in one round. */
    record Window(long writes, long commits, long nanos, long sqlNanos, long commitNanos) {
        static Window combine(List<Window> windows) {
            return windows.stream().reduce(new Window(0, 0, 0, 0, 0), (a, b) -> new Window(a.writes + b.writes, a.commits + b.commits,
                    a.nanos + b.nanos, a.sqlNanos + b.sqlNanos, a.commitNanos + b.commitNanos));
        }

        double writesPerSecond() {
            return writes / (nanos / 1e9);
        }
    }

    record Row(Load load, Layout layout, double pagesPerCommit, Window window, FsyncRate raw) {
    }

    private LayoutCeiling() {
    }

    public static void main(String[] args) throws SQLException {
        DriverArgs options = DriverArgs.parse(args, Set.of(SECONDS, FSYNC_SECONDS, ROUNDS, GAMES, BATCH, HISTORY));
        Duration seconds = options.seconds(SECONDS, Duration.ofSeconds(2));
        Duration fsyncSeconds = options.seconds(FSYNC_SECONDS, Duration.ofSeconds(2));
        int rounds = options.integer(ROUNDS, 3);
        int history = options.integer(HISTORY, 300);
        int games = options.integer(GAMES, 1_000);
        int batch = options.integer(BATCH, 250);
        List<Load> loads = List.of(new Load("1 game, 1 write per commit (e)", 1, 1),
                new Load(games + " games, " + batch + " writes per commit (d)", games, batch));
        List<Row> rows = new ArrayList<>();
        try (ScratchFolder folder = ScratchFolder.create(options.dataParent(), "layout-ceiling", options.keepData())) {
            for (Load load : loads) {
                List<FsyncRate> raw = new ArrayList<>();
                List<Prepared> layouts = new ArrayList<>();
                for (Layout layout : Layout.values()) {
                    layouts.add(Prepared.open(folder.path().resolve(layout.label + "-" + load.games() + ".db"), layout, load, history));
                }
                List<List<Window>> windows = new ArrayList<>();
                layouts.forEach(layout -> windows.add(new ArrayList<>()));
                for (int round = 0; round < rounds; round++) {
                    raw.add(RawFsync.measure(folder.path(), fsyncSeconds));
                    for (int i = 0; i < layouts.size(); i++) {
                        windows.get(i).add(layouts.get(i).run(seconds));
                    }
                }
                FsyncRate rawTogether = FsyncRate.combine(raw);
                for (int i = 0; i < layouts.size(); i++) {
                    Prepared prepared = layouts.get(i);
                    rows.add(new Row(load, prepared.layout, prepared.pagesPerCommit, Window.combine(windows.get(i)), rawTogether));
                    prepared.close();
                }
            }
            print(System.out, args, folder, rounds, seconds, fsyncSeconds, rows);
        }
    }

    /** A database of one layout, its history written, ready to time. */
    private static final class Prepared implements AutoCloseable {
        private final Layout layout;
        private final Load load;
        private final Connection connection;
        private final List<PreparedStatement> inserts = new ArrayList<>();
        private final String[] games;
        private final long[] versions;
        private final SplittableRandom random = new SplittableRandom(42);
        private long commandCounter;
        private double pagesPerCommit;

        private Prepared(Path file, Layout layout, Load load) throws SQLException {
            this.layout = layout;
            this.load = load;
            this.connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA journal_size_limit=67108864");
                s.execute("PRAGMA cache_size=-262144");
                for (String create : layout.schema.split(";")) {
                    s.execute(create);
                }
            }
            connection.setAutoCommit(false);
            for (String insert : layout.inserts) {
                inserts.add(connection.prepareStatement(insert));
            }
            games = new String[load.games()];
            versions = new long[load.games()];
            for (int g = 0; g < games.length; g++) {
                games[g] = "zone-" + g;
            }
        }

        static Prepared open(Path file, Layout layout, Load load, int history) throws SQLException {
            Prepared prepared = new Prepared(file, layout, load);
            prepared.writeHistory(history);
            prepared.countPages();
            prepared.autocheckpoint(CHECKPOINT_PAGES);
            return prepared;
        }

        private void writeHistory(int history) throws SQLException {
            for (int round = 0; round < history; round++) {
                for (int g = 0; g < games.length; g++) {
                    write(g);
                }
                connection.commit();
            }
            checkpoint("TRUNCATE");
        }

        private void countPages() throws SQLException {
            autocheckpoint(0);
            for (int i = 0; i < COUNTED_COMMITS; i++) {
                writeBatch();
                connection.commit();
            }
            pagesPerCommit = checkpoint("PASSIVE") / (double) COUNTED_COMMITS;
            checkpoint("TRUNCATE");
        }

        Window run(Duration duration) throws SQLException {
            long started = System.nanoTime();
            long deadline = started + duration.toNanos();
            long sql = 0;
            long commit = 0;
            long commits = 0;
            long now = started;
            while (now - deadline < 0) {
                writeBatch();
                long written = System.nanoTime();
                connection.commit();
                long committed = System.nanoTime();
                sql += written - now;
                commit += committed - written;
                commits++;
                now = committed;
            }
            return new Window(commits * load.writesPerCommit(), commits, now - started, sql, commit);
        }

        private void writeBatch() throws SQLException {
            for (int i = 0; i < load.writesPerCommit(); i++) {
                write(games.length == 1 ? 0 : random.nextInt(games.length));
            }
        }

        private void write(int game) throws SQLException {
            long version = ++versions[game];
            String commandId = "cmd-" + Long.toHexString(random.nextLong()) + "-" + commandCounter++;
            PreparedStatement event = inserts.getFirst();
            event.setString(1, games[game]);
            event.setLong(2, version);
            event.setBytes(3, PAYLOAD);
            event.setLong(4, System.currentTimeMillis() * 1_000);
            event.setString(5, commandId);
            event.executeUpdate();
            if (inserts.size() > 1) {
                PreparedStatement command = inserts.get(1);
                command.setString(1, games[game]);
                command.setString(2, commandId);
                command.setLong(3, version);
                command.setLong(4, version);
                command.executeUpdate();
            }
        }

        private void autocheckpoint(int pages) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA wal_autocheckpoint=" + pages);
            }
        }

        /** Runs a checkpoint and returns the pages the log held (for PASSIVE; a TRUNCATE reports 0). */
        private int checkpoint(String mode) throws SQLException {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
                rs.next();
                return rs.getInt(2);
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    private static void print(PrintStream out, String[] args, ScratchFolder folder, int rounds, Duration seconds, Duration fsyncSeconds, List<Row> rows) {
        out.println("## Layout ceiling: durable writes on bare SQLite, by table layout");
        out.println();
        out.println("Arguments: `" + String.join(" ", args) + "`; data folder: " + folder.describe() + "; " + Figures.jvm() + ".");
        out.println(rounds + " rounds of: raw fsync " + seconds(fsyncSeconds) + ", then each layout " + seconds(seconds)
                + "; the figures are the rounds taken together.");
        out.println();
        out.println("| load | layout | pages per commit | writes/s | commits/s | run the SQL (ms, mean) | commit + sync (ms, mean) | raw fsync/s (same rounds) | writes/s ÷ raw fsync/s |");
        out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Row row : rows) {
            Window w = row.window();
            out.println("| " + row.load().label() + " | " + row.layout().label + " | " + Figures.decimal(row.pagesPerCommit())
                    + " | " + Figures.count(w.writesPerSecond()) + " | " + Figures.count(w.commits() / (w.nanos() / 1e9))
                    + " | " + Figures.millis(w.sqlNanos() / (double) w.commits()) + " | " + Figures.millis(w.commitNanos() / (double) w.commits())
                    + " | " + Figures.count(row.raw().perSecond()) + " | " + Figures.ratio(w.writesPerSecond() / row.raw().perSecond()) + " |");
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + " s";
    }
}
