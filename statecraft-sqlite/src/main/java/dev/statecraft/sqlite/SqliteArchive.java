package dev.statecraft.sqlite;

import dev.statecraft.GameNotFoundException;
import dev.statecraft.store.Archive;
import dev.statecraft.store.ArchivedGame;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** History of finished games in {@code archived_games}; archiving removes the game from every active table in the same transaction. */
final class SqliteArchive implements Archive {
    private static final String COLUMNS = "game_id, game_type, setup, created_at, finished_at, outcome, final_version, event_count, "
            + "state_schema_version, final_state, replay_bundle";

    private final GroupCommitWriter writer;
    private final ReadConnections reads;

    SqliteArchive(GroupCommitWriter writer, ReadConnections reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public void archive(ArchivedGame game) {
        writer.execute((session, versions, journal) -> archive(session, versions, journal, game));
    }

    /** Checks that the game is active before its first write, as a {@link WriteOp} must; then moves it to the history. */
    static Void archive(SqlSession session, StreamVersions versions, EventJournal journal, ArchivedGame game) throws SQLException {
        if (!SqliteCatalog.exists(session, "games", game.gameId())) {
            throw new GameNotFoundException(game.gameId());
        }
        try (PreparedStatement insert = session.connection().prepareStatement(
                "INSERT INTO archived_games (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, game.gameId());
            insert.setString(2, game.gameType());
            insert.setString(3, SqliteCatalog.SetupJson.write(game.setup()));
            insert.setLong(4, Micros.of(game.createdAt()));
            insert.setLong(5, Micros.of(game.finishedAt()));
            insert.setString(6, game.outcome());
            insert.setLong(7, game.finalVersion());
            insert.setLong(8, game.eventCount());
            insert.setInt(9, game.stateSchemaVersion());
            insert.setBytes(10, game.finalState());
            insert.setBytes(11, game.replayBundle());
            insert.executeUpdate();
        }
        for (String table : List.of("event_chunks", "command_runs", "snapshots", "games")) {
            PreparedStatement delete = session.prepared("DELETE FROM " + table + " WHERE game_id = ?");
            delete.setString(1, game.gameId());
            delete.executeUpdate();
        }
        versions.set(game.gameId(), StreamVersions.ARCHIVED);
        journal.archive(game.gameId()); // its appends left in the journal are never moved (JournalRecovery.moveAll)
        return null;
    }

    @Override
    public Optional<ArchivedGame> findArchived(String gameId) {
        return reads.read(session -> {
            PreparedStatement select = session.prepared("SELECT " + COLUMNS + " FROM archived_games WHERE game_id = ?");
            select.setString(1, gameId);
            return archived(select).stream().findFirst();
        });
    }

    @Override
    public List<ArchivedGame> listArchived(String afterGameId, int limit) {
        return reads.read(session -> {
            PreparedStatement select = session.prepared("SELECT " + COLUMNS + " FROM archived_games WHERE game_id > ? ORDER BY game_id LIMIT ?");
            select.setString(1, afterGameId);
            select.setInt(2, limit);
            return archived(select);
        });
    }

    private static List<ArchivedGame> archived(PreparedStatement select) throws SQLException {
        List<ArchivedGame> games = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                games.add(new ArchivedGame(rs.getString(1), rs.getString(2), SqliteCatalog.SetupJson.read(rs.getString(3)),
                        Micros.toInstant(rs.getLong(4)), Micros.toInstant(rs.getLong(5)), rs.getString(6), rs.getLong(7), rs.getLong(8),
                        rs.getInt(9), rs.getBytes(10), rs.getBytes(11)));
            }
        }
        return games;
    }
}
