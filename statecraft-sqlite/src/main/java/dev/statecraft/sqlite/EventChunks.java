package dev.statecraft.sqlite;

import dev.statecraft.store.StoreException;
import dev.statecraft.store.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code event_chunks} table: a game's events once they leave the {@link EventJournal} (decision record 0012). A
 * row holds consecutive appends of one game, the ones a move took, in the bytes of a journal row ({@link JournalRow}:
 * checksummed), keyed by the game and its first version, with its last version and the instant of its newest append
 * beside. A move writes one row for the 64 or more events it takes, where the {@code events} table had a row per event;
 * a read decodes whole rows and checks each: a row that does not hold what its columns say fails the read, naming it,
 * rather than serve a wrong event.
 */
final class EventChunks {
    /**
     * A move's appends go into rows of about this many bytes at most (an append larger takes a row of its own), so that a
     * read of a few versions decodes at most that much. A usual move's row is about 10 KB.
     */
    static final int MAX_ROW_BYTES = 256 << 10;

    private static final String INSERT = "INSERT INTO event_chunks (game_id, first_version, last_version, newest_recorded_at, appends) "
            + "VALUES (?, ?, ?, ?, ?)";
    /** The rows holding versions from the second parameter to the third: the last that starts at or before the first, and on. */
    private static final String SELECT_RANGE = "SELECT first_version, last_version, appends FROM event_chunks WHERE game_id = ? "
            + "AND first_version >= COALESCE((SELECT MAX(first_version) FROM event_chunks WHERE game_id = ? AND first_version <= ?), 0) "
            + "AND first_version <= ? ORDER BY first_version";
    private static final String SELECT_ALL = "SELECT first_version, last_version, appends FROM event_chunks WHERE game_id = ? ORDER BY first_version";
    /** The newest row's last version, found through the key (rows do not overlap); {@code MAX(last_version)} would read every row of the game. */
    private static final String LAST_VERSION = "SELECT last_version FROM event_chunks WHERE game_id = ? ORDER BY first_version DESC LIMIT 1";

    private EventChunks() {
    }

    /** The statement {@link #insert} takes, prepared on {@code session}. */
    static PreparedStatement insertStatement(SqlSession session) throws SQLException {
        return session.prepared(INSERT);
    }

    /** The same, for a connection of its own (the journal's recovery and the migration). */
    static PreparedStatement insertStatement(Connection connection) throws SQLException {
        return connection.prepareStatement(INSERT);
    }

    /** Writes {@code appends}, consecutive appends of one game in version order, as one row, or more past {@link #MAX_ROW_BYTES}. */
    static void insert(PreparedStatement insert, List<EventJournal.Append> appends) throws SQLException {
        for (List<EventJournal.Append> row : JournalRow.rows(appends, MAX_ROW_BYTES)) {
            insertRow(insert, row);
        }
    }

    private static void insertRow(PreparedStatement insert, List<EventJournal.Append> appends) throws SQLException {
        EventJournal.Append first = appends.getFirst();
        insert.setString(1, first.gameId());
        insert.setLong(2, first.firstVersion());
        insert.setLong(3, appends.getLast().lastVersion());
        insert.setLong(4, appends.stream().mapToLong(EventJournal.Append::recordedAtMicros).max().orElseThrow());
        insert.setBytes(5, JournalRow.encode(appends));
        insert.executeUpdate();
        insert.clearParameters(); // so that the statement, kept for the next batch, does not hold the row's bytes
    }

    /** The stored events of {@code gameId} from {@code fromVersion} to {@code toVersion}, in version order. */
    static List<StoredEvent> read(SqlSession session, String gameId, long fromVersion, long toVersion) throws SQLException {
        PreparedStatement select = session.prepared(SELECT_RANGE);
        select.setString(1, gameId);
        select.setString(2, gameId);
        select.setLong(3, fromVersion);
        select.setLong(4, toVersion);
        List<StoredEvent> events = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                for (StoredEvent event : decode(gameId, rs)) {
                    if (event.version() >= fromVersion && event.version() <= toVersion) {
                        events.add(event);
                    }
                }
            }
        }
        return events;
    }

    /** The stored events of {@code gameId} in version order, up to the last before the first recorded after {@code instant}. */
    static List<StoredEvent> readUpTo(SqlSession session, String gameId, Instant instant) throws SQLException {
        PreparedStatement select = session.prepared(SELECT_ALL);
        select.setString(1, gameId);
        List<StoredEvent> events = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                for (StoredEvent event : decode(gameId, rs)) {
                    if (event.recordedAt().isAfter(instant)) {
                        return events;
                    }
                    events.add(event);
                }
            }
        }
        return events;
    }

    /** The newest stored version of {@code gameId}, 0 if none. */
    static long lastVersion(SqlSession session, String gameId) throws SQLException {
        return lastVersion(session.prepared(LAST_VERSION), gameId);
    }

    /** The same with a statement of {@link #lastVersionStatement}. */
    static long lastVersion(PreparedStatement select, String gameId) throws SQLException {
        select.setString(1, gameId);
        try (ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The statement {@link #lastVersion(PreparedStatement, String)} takes, for a connection of its own (the journal's recovery). */
    static PreparedStatement lastVersionStatement(Connection connection) throws SQLException {
        return connection.prepareStatement(LAST_VERSION);
    }

    /** The events of the current row of a select of first version, last version and appends, checked against them. */
    private static List<StoredEvent> decode(String gameId, ResultSet rs) throws SQLException {
        return decode(gameId, rs.getLong(1), rs.getLong(2), rs.getBytes(3));
    }

    /**
     * The events of a row of {@code gameId} whose columns say it holds versions {@code first} to {@code last}; a row whose
     * bytes do not hold exactly those fails, naming it.
     */
    static List<StoredEvent> decode(String gameId, long first, long last, byte[] appends) {
        String name = "event_chunks row of game " + gameId + " from version " + first;
        List<StoredEvent> events = JournalRow.events(name, appends);
        for (int i = 0; i < events.size(); i++) {
            StoredEvent event = events.get(i);
            if (!event.gameId().equals(gameId) || event.version() != first + i) {
                throw new StoreException(name + ": holds version " + event.version() + " of game " + event.gameId() + " at position " + i);
            }
        }
        if (events.getLast().version() != last) {
            throw new StoreException(name + ": ends at version " + events.getLast().version() + ", not at its last version " + last);
        }
        return events;
    }
}
