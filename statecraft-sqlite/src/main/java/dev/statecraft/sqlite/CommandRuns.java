package dev.statecraft.sqlite;

import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.StoreException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code command_runs} table: each game's command records, the index that refuses a retried command id from any
 * point of the game's history (decision records 0002 and 0013), kept as a log-structured merge of sorted runs rather than
 * a row per record.
 *
 * <p>A move from the {@link EventJournal} writes its records as one new run of the game at level 0: sorted by command
 * id, in rows ({@link CommandBlock}s) of at most {@link #BLOCK_RECORDS} records, each keyed by the game, the run's level
 * and first version, and the greatest command id it holds (a BLOB: SQLite sorts every TEXT before every BLOB, so the
 * table refuses any other type). Once a game has {@link #FANOUT} runs at a level below {@link #TOP_LEVEL}, the same
 * write merges them into one run at the next level; runs at the top level stay as they are. So a move writes a row or
 * two where a row per record landed on a page of its own, and a record is written again once per level, in sorted rows
 * of a few KB. A game holds at most {@code FANOUT - 1} runs at each level below the top, and a top-level run holds the
 * records of {@code FANOUT^TOP_LEVEL} (512) moves: about 32,000 for a game moved 64 one-event commands at a time, fewer
 * for a game whose moves are smaller (one forced out by {@link EventJournal#MAX_SPAN}, or a move of commands of many
 * events).
 *
 * <p>A lookup is one statement (one snapshot of the table): it goes through the game's keys, and reads, of each run, the
 * one row whose greatest id is at or above the one looked up. That is a handful of rows for most games, and for a game
 * of a million commands about 30 top-level runs and some 8,000 keys. Lookups are rare: an append looks its id up only
 * when the {@link CommandIdFilter} cannot rule it out. A record only ever moves to a higher level, so to a later key of
 * its game: a reader going through the table in key order ({@link CommandIdFilterLoader}) meets each record stored when
 * it began at least once.
 */
final class CommandRuns {
    private static final System.Logger LOG = System.getLogger(CommandRuns.class.getName());
    /** Runs merged at once, and the most a game keeps at a level below the top. */
    static final int FANOUT = 8;
    /** The level whose runs are not merged further: their size bounds the work of one merge (about 1.5 MB of records). */
    static final int TOP_LEVEL = 3;
    /** Records a row holds at most: what a lookup reads of each run (about 7 KB with 36-character ids). */
    static final int BLOCK_RECORDS = 128;

    private static final String INSERT = "INSERT INTO command_runs (game_id, level, first_version, last_command_id, records) VALUES (?, ?, ?, ?, ?)";
    private static final String COUNT_RUNS = "SELECT COUNT(DISTINCT first_version) FROM command_runs WHERE game_id = ? AND level = ?";
    private static final String SELECT_LEVEL = "SELECT first_version, last_command_id, records FROM command_runs WHERE game_id = ? AND level = ? "
            + "ORDER BY first_version, last_command_id";
    private static final String DELETE_LEVEL = "DELETE FROM command_runs WHERE game_id = ? AND level = ?";
    /**
     * Of each run, the row with the least greatest id at or above the one looked up: the only row of the run that can hold
     * it. With one {@code MIN}, SQLite takes the row's other columns from the row holding the minimum, and reads them only
     * for that row.
     */
    private static final String FIND = "SELECT level, first_version, MIN(last_command_id), records FROM command_runs "
            + "WHERE game_id = ? AND last_command_id >= ? GROUP BY level, first_version";
    private static final String PAGE_COLUMNS = "SELECT game_id, level, first_version, last_command_id, records FROM command_runs ";
    private static final String PAGE_ORDER = " ORDER BY game_id, level, first_version, last_command_id LIMIT ?";

    /** Where a reader of the whole table ({@link #readPage}) stopped: the key of the last row it read. */
    record Position(String gameId, int level, long firstVersion, byte[] lastCommandId) {
    }

    /** The command ids of the rows a page read, as (game id, command id) pairs, and where it stopped; {@code last} is null if it read none. */
    record Page(List<String[]> ids, int rows, Position last) {
    }

    private CommandRuns() {
    }

    /**
     * Writes {@code records}, those of a move of {@code gameId} (consecutive appends, the first at {@code firstVersion}), as
     * a new run at level 0, and merges the game's runs where a level is full. In the caller's transaction; an id already
     * in that run refuses the lot. An empty list writes nothing.
     */
    static void add(SqlSession session, String gameId, long firstVersion, List<CommandRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        writeRun(session, gameId, 0, firstVersion, CommandBlock.sorted(gameId, records.stream().map(CommandBlock.Entry::of).toList()));
        for (int level = 0; level < TOP_LEVEL && runs(session, gameId, level) == FANOUT; level++) {
            if (!mergeInSavepoint(session, gameId, level)) {
                return;
            }
        }
    }

    /**
     * Merges the runs of {@code gameId} at {@code level}, in a savepoint. A row it cannot read, or an id recorded twice,
     * undoes the merge alone, with a warning: the runs stay as they are, each read by lookups (which fail on that row,
     * naming it, should they need it), and once a later run makes the level hold more than {@link #FANOUT}, no write
     * tries that merge again. Merging only spares lookups work; refusing the move, and with it every later one of the game,
     * would make one damaged row stop the game's appends, and the store's opening.
     */
    private static boolean mergeInSavepoint(SqlSession session, String gameId, int level) throws SQLException {
        try (Statement s = session.connection().createStatement()) {
            s.execute("SAVEPOINT merge_runs");
            try {
                merge(session, gameId, level);
                s.execute("RELEASE merge_runs");
                return true;
            } catch (StoreException e) {
                s.execute("ROLLBACK TO merge_runs");
                s.execute("RELEASE merge_runs");
                LOG.log(Level.WARNING, "game " + gameId + ": merging its command runs of level " + level + " failed, and they stay as they are: "
                        + e.getMessage());
                return false;
            }
        }
    }

    /** Writes {@code sorted} records of {@code gameId} as one run at {@code level}, in rows of at most {@link #BLOCK_RECORDS}. */
    static void writeRun(SqlSession session, String gameId, int level, long firstVersion, List<CommandBlock.Entry> sorted) throws SQLException {
        PreparedStatement insert = session.prepared(INSERT);
        for (int from = 0; from < sorted.size(); from += BLOCK_RECORDS) {
            List<CommandBlock.Entry> block = sorted.subList(from, Math.min(sorted.size(), from + BLOCK_RECORDS));
            insert.setString(1, gameId);
            insert.setInt(2, level);
            insert.setLong(3, firstVersion);
            insert.setBytes(4, block.getLast().commandId());
            insert.setBytes(5, CommandBlock.encode(block));
            insert.executeUpdate();
        }
        insert.clearParameters(); // so that the statement, kept for the next batch, does not hold the block's bytes
    }

    private static int runs(SqlSession session, String gameId, int level) throws SQLException {
        PreparedStatement count = session.prepared(COUNT_RUNS);
        count.setString(1, gameId);
        count.setInt(2, level);
        try (ResultSet rs = count.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Replaces the runs of {@code gameId} at {@code level} by one run of all their records at the next level. */
    private static void merge(SqlSession session, String gameId, int level) throws SQLException {
        PreparedStatement select = session.prepared(SELECT_LEVEL);
        select.setString(1, gameId);
        select.setInt(2, level);
        List<CommandBlock.Entry> entries = new ArrayList<>();
        long firstVersion = Long.MAX_VALUE;
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                long runFirst = rs.getLong(1);
                firstVersion = Math.min(firstVersion, runFirst);
                entries.addAll(CommandBlock.decode(rowName(gameId, level, runFirst, rs.getBytes(2)), rs.getBytes(2), rs.getBytes(3)));
            }
        }
        PreparedStatement delete = session.prepared(DELETE_LEVEL);
        delete.setString(1, gameId);
        delete.setInt(2, level);
        delete.executeUpdate();
        writeRun(session, gameId, level + 1, firstVersion, CommandBlock.sorted(gameId, entries));
    }

    /** The record of {@code commandId} of {@code gameId}, if stored; a row that cannot be read fails, naming it. */
    static Optional<CommandRecord> find(SqlSession session, String gameId, String commandId) throws SQLException {
        byte[] id = commandId.getBytes(StandardCharsets.UTF_8);
        PreparedStatement select = session.prepared(FIND);
        select.setString(1, gameId);
        select.setBytes(2, id);
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String name = rowName(gameId, rs.getInt(1), rs.getLong(2), rs.getBytes(3));
                Optional<CommandBlock.Entry> found = CommandBlock.find(name, rs.getBytes(3), rs.getBytes(4), id);
                if (found.isPresent()) {
                    return Optional.of(found.get().record(gameId));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The ids of up to {@code rows} rows after {@code after} (from the first row if it is null), in key order: for reading
     * every stored id ({@link CommandIdFilterLoader}), a statement a page so that no read holds the write-ahead log back
     * for long. A row that cannot be read fails, naming it.
     */
    static Page readPage(Connection connection, Position after, int rows) throws SQLException {
        String sql = PAGE_COLUMNS + (after == null ? "" : "WHERE (game_id, level, first_version, last_command_id) > (?, ?, ?, ?)") + PAGE_ORDER;
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int p = 1;
            if (after != null) {
                select.setString(p++, after.gameId());
                select.setInt(p++, after.level());
                select.setLong(p++, after.firstVersion());
                select.setBytes(p++, after.lastCommandId());
            }
            select.setInt(p, rows);
            List<String[]> ids = new ArrayList<>();
            Position last = null;
            int read = 0;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    last = new Position(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getBytes(4));
                    for (CommandBlock.Entry entry : CommandBlock.decode(rowName(last), last.lastCommandId(), rs.getBytes(5))) {
                        ids.add(new String[] {last.gameId(), new String(entry.commandId(), StandardCharsets.UTF_8)});
                    }
                    read++;
                }
            }
            return new Page(ids, read, last);
        }
    }

    private static String rowName(Position row) {
        return rowName(row.gameId(), row.level(), row.firstVersion(), row.lastCommandId());
    }

    private static String rowName(String gameId, int level, long firstVersion, byte[] lastCommandId) {
        return "command_runs row of game " + gameId + " at level " + level + " from version " + firstVersion + " up to command id "
                + new String(lastCommandId, StandardCharsets.UTF_8);
    }
}
