package dev.statecraft.sqlite;

import dev.statecraft.StatecraftException;
import dev.statecraft.codec.JsonCodec;
import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.GameAlreadyExistsException;
import dev.statecraft.store.GameCatalog;
import dev.statecraft.store.GameImport;
import dev.statecraft.store.GameRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalog of active games in the {@code games} table. */
final class SqliteCatalog implements GameCatalog {
    /** A game's record and, fifth, the instant of its newest event or snapshot in the tables, or of its creation. */
    private static final String WITH_ACTIVITY = "SELECT g.game_id, g.game_type, g.setup, g.created_at, MAX(g.created_at, "
            + "COALESCE((SELECT MAX(e.newest_recorded_at) FROM event_chunks e WHERE e.game_id = g.game_id), 0), "
            + "COALESCE((SELECT MAX(s.taken_at) FROM snapshots s WHERE s.game_id = g.game_id), 0)) FROM games g";

    private final GroupCommitWriter writer;
    private final ReadConnections reads;
    private final EventJournal journal;

    SqliteCatalog(GroupCommitWriter writer, ReadConnections reads, EventJournal journal) {
        this.writer = writer;
        this.reads = reads;
        this.journal = journal;
    }

    @Override
    public void register(GameRecord game) {
        writer.execute((session, versions, journal) -> {
            refuseTaken(session, game.gameId());
            insert(session, game);
            return null;
        });
    }

    /** See {@link dev.statecraft.sqlite.SqliteStore#importGame}: the record and every append, in one write. */
    void importGame(GameImport game) {
        writer.execute((session, versions, journal) -> {
            refuseTaken(session, game.gameId());
            insert(session, game.game());
            try {
                for (AppendRequest append : game.history()) {
                    SqliteEventLog.append(session, versions, journal, append);
                }
            } catch (StatecraftException refused) {
                // The id was free and GameImport checked that the appends follow one another, so the database holds
                // rows of a game it does not know. A write may not refuse after its first change (WriteOp): fail as
                // the database, so that the writer rolls this import back whole.
                throw new SQLException("game " + game.gameId() + ": stray rows refused its import after it began: " + refused.getMessage(), refused);
            }
            return null;
        });
    }

    private static void refuseTaken(SqlSession session, String gameId) throws SQLException {
        if (exists(session, "archived_games", gameId) || exists(session, "games", gameId)) {
            throw new GameAlreadyExistsException(gameId);
        }
    }

    private static void insert(SqlSession session, GameRecord game) throws SQLException {
        PreparedStatement insert = session.prepared("INSERT INTO games (game_id, game_type, setup, created_at) VALUES (?, ?, ?, ?)");
        insert.setString(1, game.gameId());
        insert.setString(2, game.gameType());
        insert.setString(3, SetupJson.write(game.setup()));
        insert.setLong(4, Micros.of(game.createdAt()));
        insert.executeUpdate();
    }

    static boolean exists(SqlSession session, String table, String gameId) throws SQLException {
        PreparedStatement select = session.prepared("SELECT 1 FROM " + table + " WHERE game_id = ?");
        select.setString(1, gameId);
        try (ResultSet rs = select.executeQuery()) {
            return rs.next();
        }
    }

    @Override
    public Optional<GameRecord> find(String gameId) {
        return reads.read(session -> {
            PreparedStatement select = session.prepared("SELECT game_id, game_type, setup, created_at FROM games WHERE game_id = ?");
            select.setString(1, gameId);
            return records(select).stream().findFirst();
        });
    }

    @Override
    public List<GameRecord> list(String afterGameId, int limit) {
        return reads.read(session -> {
            PreparedStatement select = session.prepared("SELECT game_id, game_type, setup, created_at FROM games WHERE game_id > ? ORDER BY game_id LIMIT ?");
            select.setString(1, afterGameId);
            select.setInt(2, limit);
            return records(select);
        });
    }

    /**
     * By their newest event or snapshot, or their creation. The tables' order is exact for every game without events
     * waiting in the {@link EventJournal}; those few are ranked again with their newest waiting event.
     */
    @Override
    public List<GameRecord> mostRecentlyActive(int limit) {
        Map<String, Long> waiting = journal.newestWaiting(); // before the tables: see EventJournal
        record Active(GameRecord game, long micros) {
        }
        Map<String, Active> candidates = new HashMap<>();
        reads.read(session -> {
            PreparedStatement top = session.prepared(WITH_ACTIVITY + " ORDER BY 5 DESC, g.game_id LIMIT ?");
            top.setInt(1, limit + waiting.size());
            PreparedStatement one = session.prepared(WITH_ACTIVITY + " WHERE g.game_id = ?");
            for (String gameId : waiting.keySet()) {
                one.setString(1, gameId);
                try (ResultSet rs = one.executeQuery()) {
                    while (rs.next()) {
                        candidates.put(rs.getString(1), new Active(record(rs), Math.max(rs.getLong(5), waiting.get(gameId))));
                    }
                }
            }
            try (ResultSet rs = top.executeQuery()) {
                while (rs.next()) {
                    candidates.putIfAbsent(rs.getString(1), new Active(record(rs), rs.getLong(5)));
                }
            }
            return null;
        });
        return candidates.values().stream()
                .sorted(Comparator.comparingLong(Active::micros).reversed().thenComparing(active -> active.game().gameId()))
                .limit(limit).map(Active::game).toList();
    }

    private static List<GameRecord> records(PreparedStatement select) throws SQLException {
        List<GameRecord> records = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                records.add(record(rs));
            }
        }
        return records;
    }

    private static GameRecord record(ResultSet rs) throws SQLException {
        return new GameRecord(rs.getString(1), rs.getString(2), SetupJson.read(rs.getString(3)), Micros.toInstant(rs.getLong(4)));
    }

    /** Setups are stored as a JSON object of strings. */
    static final class SetupJson {
        private SetupJson() {
        }

        static String write(Map<String, String> setup) {
            return JsonCodec.json().writeString(setup);
        }

        @SuppressWarnings("unchecked")
        static Map<String, String> read(String json) {
            return JsonCodec.json().read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.class);
        }
    }
}
