package dev.statecraft.sqlite.crash;

import dev.statecraft.engine.Engine;
import dev.statecraft.engine.RecordedEvent;
import dev.statecraft.engine.Recovery;
import dev.statecraft.engine.Versioned;
import dev.statecraft.examples.cards.CardEvent;
import dev.statecraft.examples.cards.CardState;
import dev.statecraft.examples.cards.Cards;
import dev.statecraft.persistence.DamagedSnapshotException;
import dev.statecraft.persistence.SnapshotCodec;
import dev.statecraft.rules.Setup;
import dev.statecraft.sqlite.SqliteStore;
import dev.statecraft.sqlite.StoredChunks;
import dev.statecraft.sqlite.StoredCommands;
import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.GameRecord;
import dev.statecraft.store.Snapshot;
import dev.statecraft.store.StoredEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Reopens a store after a kill and checks what survived, game by game, independently of any
 * acknowledgement: versions run 1..last without a gap; the command records of a game tile those
 * versions exactly (every event belongs to exactly one recorded command, whose whole range is present,
 * and no two records overlap); every stored snapshot equals the replay of the log at its version; and
 * the state an engine recovers from the latest snapshot plus later events equals the state it rebuilds
 * from events alone, which equals a fold of the log over the initial state.
 *
 * <p>One audit follows one database file across kills. The table checks cover every game each time;
 * the replays cover the games whose rows changed since the previous audit (by count, or by a digest of
 * every byte of their events and snapshots), since an unchanged game has nothing new to recover, and
 * every game when asked to.
 */
final class StoreAudit {
    private static final int MAX_PROBLEMS_LISTED = 40;

    /** One game as the store holds it after recovery: its last version and its command records by id. */
    record GameLog(GameRecord record, long lastVersion, Map<String, CommandRecord> commands) {
    }

    /** What the audit found; {@code problems} is empty when every check held. */
    record Result(Map<String, GameLog> games, long events, int snapshots, int replays, long loadsFromSnapshot, List<String> problems) {

        Optional<CommandRecord> command(Ack.Key key) {
            GameLog game = games.get(key.gameId());
            return game == null ? Optional.empty() : Optional.ofNullable(game.commands().get(key.commandId()));
        }

        long lastVersion(String gameId) {
            GameLog game = games.get(gameId);
            return game == null ? 0 : game.lastVersion();
        }
    }

    private record Row(long version, String commandId) {
    }

    /** What a game's replay was last checked against. */
    private record Replayed(long lastVersion, int commands, List<Long> snapshots, long contentDigest) {
    }

    private final CrashGame game;
    private final Map<String, Replayed> replayed = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int problemCount;

    StoreAudit(CrashGame game) {
        this.game = game;
    }

    /**
     * Opens the store at {@code database} (which runs SQLite's recovery of the WAL), audits it, and closes it.
     *
     * @param replayAll replay every game, not only those that changed since the previous audit
     */
    Result check(Path database, boolean replayAll) throws SQLException {
        problems.clear();
        problemCount = 0;
        try (SqliteStore store = SqliteStore.open(database);
             Connection sql = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath())) {
            try (Statement s = sql.createStatement()) {
                s.execute("PRAGMA query_only=1");
            }
            Map<String, GameRecord> catalog = catalog(store);
            Map<String, CRC32C> digests = new HashMap<>();
            Map<String, List<Row>> events = events(sql, digests);
            Map<String, List<CommandRecord>> commands = commands(sql);
            Map<String, List<Long>> snapshots = snapshots(sql, digests);
            long archived = count(sql, "SELECT COUNT(*) FROM archived_games");
            if (archived != 0) {
                problem("%d games were archived, but the crash game type archives nothing", archived);
            }
            for (Map<String, ?> table : List.of(events, commands, snapshots)) {
                table.keySet().stream().filter(id -> !catalog.containsKey(id)).forEach(id -> problem("game %s: has rows but is not in the catalog", id));
            }

            Map<String, GameLog> games = new LinkedHashMap<>();
            long eventCount = 0;
            int snapshotCount = 0;
            int replays = 0;
            MeterRegistry latestMetrics = new SimpleMeterRegistry();
            try (Engine latest = engine(store, Recovery.LATEST, latestMetrics); Engine fromEvents = engine(store, Recovery.FROM_EVENTS, new SimpleMeterRegistry())) {
                for (GameRecord record : catalog.values()) {
                    String gameId = record.gameId();
                    List<Row> rows = events.getOrDefault(gameId, List.of());
                    long last = checkGapless(gameId, rows);
                    Map<String, CommandRecord> byId = checkCommands(gameId, rows, commands.getOrDefault(gameId, List.of()));
                    List<Long> snapshotVersions = snapshots.getOrDefault(gameId, List.of());
                    CRC32C digest = digests.get(gameId);
                    Replayed now = new Replayed(last, byId.size(), snapshotVersions, digest == null ? 0 : digest.getValue());
                    if (replayAll || !now.equals(replayed.get(gameId))) {
                        replays++;
                        checkLookups(store, gameId, commands.getOrDefault(gameId, List.of()));
                        try {
                            checkReplay(store, latest, fromEvents, record, last, snapshotVersions);
                        } catch (RuntimeException e) {
                            problem("game %s: cannot be recovered: %s", gameId, e);
                        }
                        latest.passivate(gameId);
                        fromEvents.passivate(gameId);
                        replayed.put(gameId, now);
                    }
                    games.put(gameId, new GameLog(record, last, byId));
                    eventCount += rows.size();
                    snapshotCount += snapshotVersions.size();
                }
            }
            if (problemCount > problems.size()) {
                problems.add("... and " + (problemCount - problems.size()) + " more problems");
            }
            return new Result(games, eventCount, snapshotCount, replays, loadsFromSnapshot(latestMetrics), List.copyOf(problems));
        }
    }

    private Engine engine(SqliteStore store, Recovery recovery, MeterRegistry metrics) {
        return Engine.builder().store(store).register(game.type()).metrics(metrics).options(CrashGame.engineOptions().withRecovery(recovery)).build();
    }

    /** Versions 1, 2, 3 ... in order, each once; returns the last. */
    private long checkGapless(String gameId, List<Row> rows) {
        long expected = 1;
        for (Row row : rows) {
            if (row.version() != expected) {
                problem("game %s: version %d follows version %d; versions must run 1, 2, 3 ... without a gap", gameId, row.version(), expected - 1);
                return rows.getLast().version();
            }
            expected++;
        }
        return rows.size();
    }

    /**
     * The store's own lookup (its filter, the journal's tails, the runs of {@code command_runs}) must find each of a sample
     * of the records read from the table, every 16th in version order and the newest, as they are stored.
     */
    private void checkLookups(SqliteStore store, String gameId, List<CommandRecord> records) {
        for (int i = 0; i < records.size(); i++) {
            CommandRecord record = records.get(i);
            if (i % 16 == 0 || i == records.size() - 1) {
                Optional<CommandRecord> found = store.events().findCommand(gameId, record.commandId());
                if (!found.equals(Optional.of(record))) {
                    problem("game %s: command %s is stored as %s, but the store's lookup finds %s", gameId, record.commandId(), record, found);
                }
            }
        }
    }

    /** The command records, in version order, must tile 1..last, and each event must carry the id of the record covering it. */
    private Map<String, CommandRecord> checkCommands(String gameId, List<Row> rows, List<CommandRecord> records) {
        Map<String, CommandRecord> byId = new HashMap<>();
        TreeMap<Long, CommandRecord> byFirst = new TreeMap<>();
        long next = 1;
        for (CommandRecord record : records) {
            if (byId.put(record.commandId(), record) != null) {
                problem("game %s: command %s is recorded twice", gameId, record.commandId());
            }
            if (record.firstVersion() != next || record.lastVersion() < record.firstVersion()) {
                problem("game %s: command %s is recorded as versions %d..%d, but the previous command ended at %d (a gap or an overlap)",
                        gameId, record.commandId(), record.firstVersion(), record.lastVersion(), next - 1);
            }
            byFirst.put(record.firstVersion(), record);
            next = record.lastVersion() + 1;
        }
        long last = rows.isEmpty() ? 0 : rows.getLast().version();
        if (next - 1 != last) {
            problem("game %s: its command records end at version %d but its events at %d (a half-applied command)", gameId, next - 1, last);
        }
        for (Row row : rows) {
            Map.Entry<Long, CommandRecord> covering = byFirst.floorEntry(row.version());
            if (covering == null || covering.getValue().lastVersion() < row.version()) {
                problem("game %s: event %d (command %s) belongs to no command record", gameId, row.version(), row.commandId());
            } else if (!covering.getValue().commandId().equals(row.commandId())) {
                problem("game %s: event %d carries command %s but lies in the range %d..%d of command %s", gameId, row.version(), row.commandId(),
                        covering.getValue().firstVersion(), covering.getValue().lastVersion(), covering.getValue().commandId());
            }
        }
        return byId;
    }

    private void checkReplay(SqliteStore store, Engine latest, Engine fromEvents, GameRecord record, long last, List<Long> snapshotVersions) {
        String gameId = record.gameId();
        CardState folded = Cards.RULES.initialState(new Setup(record.setup()));
        Map<Long, CardState> foldedAt = new HashMap<>();
        long version = 0;
        for (RecordedEvent event : fromEvents.events(gameId, 1, Long.MAX_VALUE)) {
            if (event.version() != ++version) {
                problem("game %s: the engine read version %d where %d was expected", gameId, event.version(), version);
                return;
            }
            folded = Cards.RULES.evolve(folded, (CardEvent) event.event());
            if (snapshotVersions.contains(version)) {
                foldedAt.put(version, folded);
            }
        }
        if (version != last) {
            problem("game %s: the engine read %d events, the table holds %d", gameId, version, last);
        }
        Versioned<CardState> replayed = fromEvents.state(gameId, CardState.class);
        Versioned<CardState> recovered = latest.state(gameId, CardState.class);
        if (!recovered.equals(replayed)) {
            problem("game %s: recovered from the latest snapshot as version %d %s, but replayed from events as version %d %s",
                    gameId, recovered.version(), brief(recovered.value()), replayed.version(), brief(replayed.value()));
        }
        if (replayed.version() != version || !replayed.value().equals(folded)) {
            problem("game %s: the engine rebuilt version %d %s, but folding the log gives version %d %s",
                    gameId, replayed.version(), brief(replayed.value()), version, brief(folded));
        }
        for (long at : snapshotVersions) {
            checkSnapshot(store, gameId, at, last, foldedAt.get(at));
        }
    }

    private void checkSnapshot(SqliteStore store, String gameId, long at, long last, CardState folded) {
        if (at > last) {
            problem("game %s: a snapshot at version %d is ahead of the log, which ends at %d", gameId, at, last);
            return;
        }
        Snapshot snapshot = store.snapshots().latestAtOrBefore(gameId, at).orElseThrow();
        try {
            CardState state = SnapshotCodec.decode(snapshot, CardState.class, game.type().stateSchemaVersion());
            if (at > 0 && !state.equals(folded)) {
                problem("game %s: the snapshot at version %d holds %s, but the log folds to %s", gameId, at, brief(state), brief(folded));
            }
        } catch (DamagedSnapshotException e) {
            problem("game %s: the committed snapshot at version %d is damaged: %s", gameId, at, e.getMessage());
        }
    }

    private static Map<String, GameRecord> catalog(SqliteStore store) {
        Map<String, GameRecord> games = new LinkedHashMap<>();
        for (List<GameRecord> page = store.games().list("", 1_000); !page.isEmpty(); page = store.games().list(page.getLast().gameId(), 1_000)) {
            page.forEach(g -> games.put(g.gameId(), g));
        }
        return games;
    }

    /** Every event's version and command id by game; each game's digest takes in the bytes of its events. */
    private static Map<String, List<Row>> events(Connection sql, Map<String, CRC32C> digests) throws SQLException {
        Map<String, List<Row>> rows = new HashMap<>();
        for (StoredEvent event : StoredChunks.read(sql)) {
            String gameId = event.gameId();
            Row row = new Row(event.version(), event.commandId());
            rows.computeIfAbsent(gameId, id -> new ArrayList<>()).add(row);
            digest(digests, gameId, row.version(), row.commandId(), event.type(), event.schemaVersion(), event.payload(),
                    ChronoUnit.MICROS.between(Instant.EPOCH, event.recordedAt()));
        }
        return rows;
    }

    private static Map<String, List<CommandRecord>> commands(Connection sql) throws SQLException {
        Map<String, List<CommandRecord>> records = new HashMap<>();
        List<CommandRecord> stored = new ArrayList<>(StoredCommands.read(sql));
        stored.sort(Comparator.comparing(CommandRecord::gameId).thenComparingLong(CommandRecord::firstVersion));
        stored.forEach(record -> records.computeIfAbsent(record.gameId(), id -> new ArrayList<>()).add(record));
        return records;
    }

    /** Every snapshot's version by game; each game's digest takes in the bytes of its snapshots. */
    private static Map<String, List<Long>> snapshots(Connection sql, Map<String, CRC32C> digests) throws SQLException {
        Map<String, List<Long>> versions = new HashMap<>();
        try (PreparedStatement select = sql.prepareStatement(
                "SELECT game_id, version, schema_version, payload, taken_at FROM snapshots ORDER BY game_id, version");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String gameId = rs.getString(1);
                long version = rs.getLong(2);
                versions.computeIfAbsent(gameId, id -> new ArrayList<>()).add(version);
                digest(digests, gameId, version, "snapshot", "", rs.getInt(3), rs.getBytes(4), rs.getLong(5));
            }
        }
        return versions;
    }

    private static void digest(Map<String, CRC32C> digests, String gameId, long version, String commandId, String type, int schemaVersion,
                               byte[] payload, long at) {
        CRC32C crc = digests.computeIfAbsent(gameId, id -> new CRC32C());
        crc.update(ByteBuffer.allocate(20).putLong(version).putInt(schemaVersion).putLong(at).flip());
        crc.update(commandId.getBytes(StandardCharsets.UTF_8));
        crc.update(type.getBytes(StandardCharsets.UTF_8));
        crc.update(payload);
    }

    private static long count(Connection sql, String query) throws SQLException {
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Games the LATEST engine started from a snapshot, as its load metric counts them. */
    private static long loadsFromSnapshot(MeterRegistry metrics) {
        return metrics.find("statecraft.games.loads.time").tag("source", "snapshot").timers().stream().mapToLong(Timer::count).sum();
    }

    /** Enough of a state to tell two apart in a failure message without burying the others. */
    private static String brief(CardState state) {
        return "[" + state.phase() + ", turn '" + state.turn() + "', hands " + state.hands().stream().map(h -> h.player() + ":" + h.size()).toList()
                + ", deck " + state.deck().size() + ", discard " + state.discard().size() + ", passes " + state.consecutivePasses()
                + ", " + state.outcome().describe() + ", hash " + Integer.toHexString(state.hashCode()) + "]";
    }

    private void problem(String format, Object... args) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS_LISTED) {
            problems.add(String.format(format, args));
        }
    }
}
