package dev.statecraft.sqlite;

import dev.statecraft.store.CommandRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** For tests that read or write a store's command records with their own connection, as the rows of {@code command_runs} hold them. */
public final class StoredCommands {
    private StoredCommands() {
    }

    /** Every command record of {@code command_runs}, by game, level and run, each row checked as the store's reads check it. */
    public static List<CommandRecord> read(Connection sql) throws SQLException {
        List<CommandRecord> all = new ArrayList<>();
        try (PreparedStatement select = sql.prepareStatement("SELECT game_id, level, first_version, last_command_id, records FROM command_runs "
                + "ORDER BY game_id, level, first_version, last_command_id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String gameId = rs.getString(1);
                for (CommandBlock.Entry entry : CommandBlock.decode("row of " + gameId, rs.getBytes(4), rs.getBytes(5))) {
                    all.add(entry.record(gameId));
                }
            }
        }
        return all;
    }

    /** How many records {@code gameId} has, or all games if it is null. */
    static long count(Connection sql, String gameId) throws SQLException {
        return read(sql).stream().filter(record -> gameId == null || record.gameId().equals(gameId)).count();
    }

    /** Writes {@code records}, of one game, as the store writes the records of a move, in a transaction of {@code sql}'s, which it commits. */
    static void add(Connection sql, List<CommandRecord> records) throws SQLException {
        SqlSession session = new SqlSession(sql);
        try {
            CommandRuns.add(session, records.getFirst().gameId(), records.getFirst().firstVersion(), records);
        } finally {
            session.closeStatements();
        }
        if (!sql.getAutoCommit()) {
            sql.commit();
        }
    }
}
