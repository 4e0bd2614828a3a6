package dev.statecraft.sqlite;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Schema version 6 (decision record 0013): command records go from a row each in {@code commands} to sorted runs in
 * {@code command_runs} ({@link CommandRuns}). Each game's records, in version order, become runs at the top level of
 * {@link #RUN_RECORDS} records each, the size a run reaches there by merging. In Java, as SQL cannot write the runs'
 * bytes. One game's run is held in memory at a time. A record whose versions a run could not be read back with (a first
 * version below 1, or a last below the first) fails the migration, naming the game and the id, and it then changes
 * nothing.
 */
final class CommandRunsMigration extends TableRewriteMigration {
    static final int VERSION = 6;
    /**
     * Records of a migrated run: about those of a run merged up to {@link CommandRuns#TOP_LEVEL} (64 events a move, 8^3
     * moves). Fixed here, as the table below is, so that what schema version 6 does never changes with later code.
     */
    static final int RUN_RECORDS = 32_768;
    static final int RUN_LEVEL = 3;

    private static final String CREATE = """
            CREATE TABLE command_runs (
                game_id         TEXT    NOT NULL,
                level           INTEGER NOT NULL,
                first_version   INTEGER NOT NULL,
                last_command_id BLOB    NOT NULL CHECK (typeof(last_command_id) = 'blob'),
                records         BLOB    NOT NULL,
                PRIMARY KEY (game_id, level, first_version, last_command_id)
            )""";

    CommandRunsMigration() {
        super(VERSION, "command records in sorted runs", CREATE, "commands");
    }

    @Override
    void copy(Connection connection) throws SQLException {
        SqlSession session = new SqlSession(connection); // not closed: Flyway owns the connection
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT game_id, command_id, first_version, last_version FROM commands ORDER BY game_id, first_version");
                ResultSet rs = select.executeQuery()) {
            String gameId = null;
            List<CommandBlock.Entry> run = new ArrayList<>();
            while (rs.next()) {
                String game = rs.getString(1);
                if (!run.isEmpty() && (!game.equals(gameId) || run.size() == RUN_RECORDS)) {
                    writeRun(session, gameId, run);
                }
                gameId = game;
                run.add(new CommandBlock.Entry(rs.getString(2).getBytes(StandardCharsets.UTF_8), rs.getLong(3), rs.getLong(4)));
            }
            if (!run.isEmpty()) {
                writeRun(session, gameId, run);
            }
        } finally {
            session.closeStatements();
        }
    }

    /** Writes {@code run}, records of one game in version order, as a top-level run from its first version, and empties it. */
    private static void writeRun(SqlSession session, String gameId, List<CommandBlock.Entry> run) throws SQLException {
        CommandRuns.writeRun(session, gameId, RUN_LEVEL, run.getFirst().firstVersion(), CommandBlock.sorted(gameId, run));
        run.clear();
    }
}
