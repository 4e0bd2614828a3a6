package dev.statecraft.sqlite;

import dev.statecraft.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything in the {@code event_journal} moved to the tables at once, from its rows rather than from memory: when the
 * store opens (what a stopped process left), when it closes, and after a commit whose outcome is unknown
 * ({@link EventJournal}, decision record 0011).
 */
final class JournalRecovery {
    private JournalRecovery() {
    }

    /**
     * Moves every append of the journal to {@code event_chunks} and {@code command_runs}, except those of archived games, and
     * empties it; commits on the session's connection. Run when the store opens, before any other write: the appends a stopped
     * process left waiting are then where every reader looks. A game's appends that a move had taken before are in its
     * tables up to their last version, and are skipped; the rest must carry on from there. A row that cannot be read, or
     * appends that do not carry on from what is stored, fail the move, naming them, and change nothing: what the move had
     * inserted is rolled back.
     */
    static void moveAll(SqlSession session) throws SQLException {
        Connection connection = session.connection();
        try {
            moveAllRows(session);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
        connection.commit();
    }

    private static void moveAllRows(SqlSession session) throws SQLException {
        Connection connection = session.connection();
        Map<String, Boolean> archivedGames = new HashMap<>();
        Map<String, Long> lastVersions = new HashMap<>();
        Map<String, List<EventJournal.Append>> toMove = new LinkedHashMap<>();
        try (PreparedStatement rows = connection.prepareStatement("SELECT seq, appends FROM event_journal ORDER BY seq");
                PreparedStatement isArchived = connection.prepareStatement("SELECT 1 FROM archived_games WHERE game_id = ?");
                PreparedStatement lastVersion = EventChunks.lastVersionStatement(connection);
                ResultSet rs = rows.executeQuery()) {
            while (rs.next()) {
                for (EventJournal.Append append : JournalRow.decode(rs.getLong(1), rs.getBytes(2))) {
                    String gameId = append.gameId();
                    if (archivedGames.computeIfAbsent(gameId, id -> isArchived(isArchived, id))) {
                        continue;
                    }
                    Long last = lastVersions.get(gameId);
                    if (last == null) {
                        last = EventChunks.lastVersion(lastVersion, gameId);
                        lastVersions.put(gameId, last);
                    }
                    if (append.lastVersion() <= last) {
                        continue; // moved before, with the appends of the game it followed
                    }
                    if (append.firstVersion() != last + 1) {
                        throw new StoreException("event_journal row " + rs.getLong(1) + ": game " + gameId + "'s append of versions "
                                + append.firstVersion() + " to " + append.lastVersion() + " does not carry on from version " + last);
                    }
                    lastVersions.put(gameId, append.lastVersion());
                    toMove.computeIfAbsent(gameId, id -> new ArrayList<>()).add(append);
                }
            }
        }
        for (List<EventJournal.Append> appends : toMove.values()) {
            EventJournal.insert(session, appends);
        }
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("DELETE FROM event_journal");
        }
    }

    private static boolean isArchived(PreparedStatement select, String gameId) {
        try {
            select.setString(1, gameId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("game " + gameId + ": cannot tell whether it is archived: " + e.getMessage(), e);
        }
    }
}
