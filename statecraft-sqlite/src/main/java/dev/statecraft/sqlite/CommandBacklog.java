package dev.statecraft.sqlite;

import dev.statecraft.store.CommandRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Command records whose events are committed but which are not yet in the {@code commands} table
 * (decision record 0009).
 *
 * <p>An append writes its command id into each of its event rows, and stages the command's record here
 * instead of in {@code commands}: a row there lands on its own game's page, so with many games each append
 * added a page to the commit. Once {@link #PER_GAME} records of a game wait, the batch that stages the last of
 * them writes them all, sorted, on about one page; should {@link #MAX_WAITING} wait in all (many games with a
 * few each), the batch writes every waiting record. Until then every lookup of a command id looks here as well
 * as in the table, so a retried command is refused exactly as before.
 *
 * <p>Should the process die first, the events still say which command wrote them: the first waiting append of a
 * game also writes a row of {@code command_backlog} naming its first version, in the same transaction, and
 * opening the store writes the records of every such game's events from that version on ({@link #writeLeftBehind}).
 *
 * <p>The thread running the writer's batch (holding its lock, see {@link GroupCommitWriter}) stages, commits, rolls
 * back and writes, as it does with {@link StreamVersions}; any other thread only calls {@link #findCommitted}.
 */
final class CommandBacklog {
    /** Records of one game written together: about a page of {@code commands}. */
    static final int PER_GAME = 16;
    /** Records that may wait in all before every one of them is written. */
    static final int MAX_WAITING = 65_536;

    // OR IGNORE: after a commit whose outcome was unknown (see forgetBatchAfterUnknownCommit), a record may be in the table already.
    private static final String INSERT = "INSERT OR IGNORE INTO commands (game_id, command_id, first_version, last_version) VALUES (?, ?, ?, ?)";
    private static final String INSERT_FROM_EVENTS = "INSERT OR IGNORE INTO commands (game_id, command_id, first_version, last_version) "
            + "SELECT game_id, command_id, MIN(version), MAX(version) FROM events WHERE game_id = ? AND version >= ? GROUP BY command_id";

    private record Key(String gameId, String commandId) {
    }

    /** How far the running batch had come: what {@link #rollbackTo} returns to when one write of it fails alone. */
    record Mark(int staged, int archived) {
    }

    /** Committed records by game and command id: read by any thread, changed by the writer only. */
    private final Map<String, Map<String, CommandRecord>> committed = new ConcurrentHashMap<>();
    private volatile int committedCount;
    /** The running batch's records in the order staged, the games it archived, and the games whose records it wrote to the table. */
    private final LinkedHashMap<Key, CommandRecord> staged = new LinkedHashMap<>();
    private final Map<String, Integer> stagedPerGame = new HashMap<>();
    private final List<String> archived = new ArrayList<>();
    private final Set<String> written = new HashSet<>();

    /** Committed records not yet in the table; read by any thread. */
    int waiting() {
        return committedCount;
    }

    /** For the writer: the record of {@code commandId} if it is committed or staged but not yet in the table. */
    Optional<CommandRecord> find(String gameId, String commandId) {
        CommandRecord record = staged.get(new Key(gameId, commandId));
        return record != null ? Optional.of(record) : findCommitted(gameId, commandId);
    }

    /** For any thread: the record of {@code commandId} if it is committed but not yet in the table. Look here before the table. */
    Optional<CommandRecord> findCommitted(String gameId, String commandId) {
        Map<String, CommandRecord> game = committed.get(gameId);
        return game == null ? Optional.empty() : Optional.ofNullable(game.get(commandId));
    }

    /** Stages the record of an append in the running batch, marking its game in {@code command_backlog} if nothing of it waits yet. */
    void stage(SqlSession session, CommandRecord record) throws SQLException {
        if (!waits(record.gameId())) {
            PreparedStatement mark = session.prepared("INSERT OR IGNORE INTO command_backlog (game_id, from_version) VALUES (?, ?)");
            mark.setString(1, record.gameId());
            mark.setLong(2, record.firstVersion());
            mark.executeUpdate();
        }
        staged.put(new Key(record.gameId(), record.commandId()), record);
        stagedPerGame.merge(record.gameId(), 1, Integer::sum);
    }

    private boolean waits(String gameId) {
        return committed.containsKey(gameId) || stagedPerGame.containsKey(gameId);
    }

    Mark mark() {
        return new Mark(staged.size(), archived.size());
    }

    /** Forgets what the running batch staged and archived after {@code mark}: that write was rolled back to its savepoint. */
    void rollbackTo(Mark mark) {
        var keys = staged.sequencedKeySet().reversed().iterator();
        for (int extra = staged.size() - mark.staged(); extra > 0; extra--) {
            String gameId = keys.next().gameId();
            keys.remove();
            stagedPerGame.computeIfPresent(gameId, (id, n) -> n == 1 ? null : n - 1);
        }
        archived.subList(mark.archived(), archived.size()).clear();
    }

    /** The running batch archived {@code gameId}: its waiting records go with its events, and never reach the table. */
    void archive(String gameId) {
        archived.add(gameId);
    }

    /**
     * Writes, in the running batch's transaction, the waiting records (committed and staged) of each game this batch
     * brought to {@link #PER_GAME}, or of every game once {@link #MAX_WAITING} wait or when {@code all} is asked, and
     * clears {@code command_backlog} for those games.
     */
    void writeDue(SqlSession session, boolean all) throws SQLException {
        boolean everything = all || committedCount + staged.size() >= MAX_WAITING;
        Map<String, List<CommandRecord>> byGame = new HashMap<>();
        for (CommandRecord record : staged.values()) {
            byGame.computeIfAbsent(record.gameId(), id -> new ArrayList<>()).add(record);
        }
        if (everything) {
            committed.keySet().forEach(gameId -> byGame.computeIfAbsent(gameId, id -> new ArrayList<>()));
        } else {
            byGame.keySet().removeIf(gameId -> committedOf(gameId).size() + byGame.get(gameId).size() < PER_GAME);
        }
        byGame.keySet().removeAll(archived);
        if (byGame.isEmpty()) {
            return;
        }
        PreparedStatement insert = session.prepared(INSERT);
        PreparedStatement clear = session.prepared("DELETE FROM command_backlog WHERE game_id = ?");
        written.clear();
        for (String gameId : byGame.keySet().stream().sorted().toList()) {
            List<CommandRecord> records = byGame.get(gameId);
            records.addAll(committedOf(gameId).values());
            records.sort(Comparator.comparing(CommandRecord::commandId));
            for (CommandRecord record : records) {
                insert.setString(1, gameId);
                insert.setString(2, record.commandId());
                insert.setLong(3, record.firstVersion());
                insert.setLong(4, record.lastVersion());
                insert.executeUpdate();
            }
            clear.setString(1, gameId);
            clear.executeUpdate();
            written.add(gameId);
        }
    }

    private Map<String, CommandRecord> committedOf(String gameId) {
        return committed.getOrDefault(gameId, Map.of());
    }

    /** The running batch committed: the records it staged wait, except those it wrote, which leave with the rest of their game's. */
    void commit() {
        for (String gameId : archived) {
            forget(gameId);
        }
        for (String gameId : written) {
            forget(gameId);
        }
        for (CommandRecord record : staged.values()) {
            if (!written.contains(record.gameId()) && !archived.contains(record.gameId())) {
                committed.computeIfAbsent(record.gameId(), id -> new ConcurrentHashMap<>()).put(record.commandId(), record);
                committedCount++;
            }
        }
        clearBatch();
    }

    private void forget(String gameId) {
        Map<String, CommandRecord> gone = committed.remove(gameId);
        committedCount -= gone == null ? 0 : gone.size();
    }

    /** The running batch was rolled back: nothing it staged, archived or wrote happened. */
    void rollback() {
        clearBatch();
    }

    /** The write of due records failed alone and was rolled back to its savepoint: the records still wait. */
    void forgetWrites() {
        written.clear();
    }

    /**
     * The running batch's commit failed, and it may yet have been stored (a commit can fail after its sync). Before
     * the batch is forgotten, this makes both outcomes safe, in a transaction of its own on {@code connection}: the
     * records of the batch's appends are written from whatever events were stored, and every game the batch touched
     * keeps a mark from the oldest record memory still holds for it, so that a later open writes what is missing.
     * Rolled back and logged by the caller if the database fails again.
     */
    void secureAfterFailedCommit(Connection connection) throws SQLException {
        Map<String, Long> from = new HashMap<>();
        staged.values().forEach(record -> from.merge(record.gameId(), record.firstVersion(), Math::min));
        written.forEach(gameId -> committedOf(gameId).values().forEach(record -> from.merge(gameId, record.firstVersion(), Math::min)));
        from.keySet().removeAll(archived);
        try (PreparedStatement insert = connection.prepareStatement(INSERT_FROM_EVENTS);
             PreparedStatement mark = connection.prepareStatement("INSERT INTO command_backlog (game_id, from_version) VALUES (?, ?) "
                     + "ON CONFLICT (game_id) DO UPDATE SET from_version = MIN(from_version, excluded.from_version)")) {
            for (Map.Entry<String, Long> game : from.entrySet()) {
                insert.setString(1, game.getKey());
                insert.setLong(2, game.getValue());
                insert.executeUpdate();
                mark.setString(1, game.getKey());
                long oldestInMemory = committedOf(game.getKey()).values().stream().mapToLong(CommandRecord::firstVersion).min().orElse(Long.MAX_VALUE);
                mark.setLong(2, Math.min(game.getValue(), oldestInMemory));
                mark.executeUpdate();
            }
        }
        connection.commit();
    }

    private void clearBatch() {
        staged.clear();
        stagedPerGame.clear();
        archived.clear();
        written.clear();
    }

    /**
     * Writes the records of the events that {@code command_backlog} says were left without them by a process that
     * stopped before its bulk write; run when the store opens, before any other write. Commits on {@code connection}.
     */
    static void writeLeftBehind(Connection connection) throws SQLException {
        Map<String, Long> games = new LinkedHashMap<>();
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT game_id, from_version FROM command_backlog ORDER BY game_id")) {
            while (rs.next()) {
                games.put(rs.getString(1), rs.getLong(2));
            }
        }
        if (games.isEmpty()) {
            return;
        }
        // OR IGNORE: a record already in the table was derived from the same events, so it is the same record.
        try (PreparedStatement insert = connection.prepareStatement(INSERT_FROM_EVENTS);
             PreparedStatement clear = connection.prepareStatement("DELETE FROM command_backlog WHERE game_id = ?")) {
            for (Map.Entry<String, Long> game : games.entrySet()) {
                insert.setString(1, game.getKey());
                insert.setLong(2, game.getValue());
                insert.executeUpdate();
                clear.setString(1, game.getKey());
                clear.executeUpdate();
            }
        }
        connection.commit();
    }
}
