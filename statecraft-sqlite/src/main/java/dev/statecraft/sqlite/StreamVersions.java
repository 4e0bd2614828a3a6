package dev.statecraft.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last version of each game, as the writer knows it, so an append checks its expected version
 * without a query. Versions set by the running batch are provisional until it commits, and only here: its
 * appends are in the {@link EventJournal}'s journal table, which no query of a version reads. A version not
 * known yet is the newest of the game's committed tail in the journal, if one waits, else of its tables. Only
 * the thread running the writer's batch uses it, under the writer's lock; this process is the database's
 * only writer while the store is open.
 */
final class StreamVersions {
    /** The version recorded for an archived game: nothing may be appended to it. */
    static final long ARCHIVED = -1;
    private static final int MAX_CACHED = 200_000;

    private final Map<String, Long> committed = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_CACHED;
        }
    };
    private final Map<String, Long> provisional = new HashMap<>();
    private final EventJournal journal;

    StreamVersions(EventJournal journal) {
        this.journal = journal;
    }

    long lastVersion(SqlSession session, String gameId) throws SQLException {
        Long known = provisional.get(gameId);
        if (known == null) {
            known = committed.get(gameId);
        }
        if (known == null) {
            EventJournal.Tail waiting = journal.tail(gameId);
            known = waiting != null ? waiting.lastVersion() : query(session, gameId);
            committed.put(gameId, known);
        }
        return known;
    }

    void set(String gameId, long version) {
        provisional.put(gameId, version);
    }

    void commit() {
        committed.putAll(provisional);
        provisional.clear();
    }

    /** The running batch's versions so far, for {@link #rollbackTo} should its next write be undone alone. */
    Map<String, Long> mark() {
        return new HashMap<>(provisional);
    }

    /** The batch's write after {@code mark} was rolled back to its savepoint: the versions set before it stand. */
    void rollbackTo(Map<String, Long> mark) {
        provisional.clear();
        provisional.putAll(mark);
    }

    void rollback() {
        provisional.clear();
        committed.clear();
    }

    private static long query(SqlSession session, String gameId) throws SQLException {
        PreparedStatement archived = session.prepared("SELECT 1 FROM archived_games WHERE game_id = ?");
        archived.setString(1, gameId);
        try (ResultSet rs = archived.executeQuery()) {
            if (rs.next()) {
                return ARCHIVED;
            }
        }
        return EventChunks.lastVersion(session, gameId);
    }
}
