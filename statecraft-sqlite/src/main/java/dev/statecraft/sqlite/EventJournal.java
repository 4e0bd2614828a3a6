package dev.statecraft.sqlite;

import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.NewEvent;
import dev.statecraft.store.StoreException;
import dev.statecraft.store.StoredEvent;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Appends committed to the append-only {@code event_journal} and not yet to their game's tables, {@code event_chunks} and
 * {@code command_runs} (decision records 0011 and 0013).
 *
 * <p>Those two tables are keyed by game, so each append put rows on its own game's pages: with many games, every append
 * of a batch added pages of its own to the commit. The journal is keyed by a number that only grows, so a batch's
 * appends share its last pages; and a batch writes them all as one row ({@link JournalRow}), one statement rather than
 * one per event (more rows past {@link #MAX_ROW_BYTES}; on the slow path, one savepoint per write, each write its own).
 * Once {@link #PER_GAME} events of a game wait, a batch moves them, with one command record per append, to {@code
 * event_chunks} (one row for the lot: {@link EventChunks}) and {@code command_runs} (one run: {@link CommandRuns}). A
 * batch moves at most about {@link #MOVE_BUDGET} times the events it appends, so that games which all reach {@link
 * #PER_GAME} at once (games played at one pace do) move over the following batches instead of stalling one batch, and
 * every command in it, for all of their moves: a game left over moves in a later batch, the first due first (one whose
 * move failed goes to the back of the line). Journal rows older than the oldest that still holds a waiting append are
 * deleted from the journal's head in the same transaction. A row's number is one more than the events journaled before
 * it since the store opened (with a gap where a row was not committed), so the distance between two rows is at least
 * the events between them: a game whose oldest waiting row falls more than {@link #MAX_SPAN} behind the newest moves
 * what it has, and the journal holds at most about that many events, and memory as many (each with its payload), unless
 * moves fail; even then, appends are refused before either passes {@link #MAX_WAITING} ({@link #refuseIfFull}).
 *
 * <p>What waits is held here too, as each game's {@link Tail}, and every read of a game's events or command ids looks
 * at its tail before the tables: a tail leaves only once the transaction that moved it has committed, so a reader that
 * takes the tail first and then queries the tables misses nothing, and {@link #newerThan} drops what it sees twice.
 * Opening the store moves every journal row ({@link JournalRecovery#moveAll}), so nothing waits after a crash; so does closing it.
 *
 * <p>The thread running the writer's batch (holding its lock, see {@link GroupCommitWriter}) appends, moves, commits and
 * rolls back, as it does with {@link StreamVersions}; any other thread only calls {@link #tail}, {@link #findCommitted} and
 * {@link #mayBeStored}.
 */
final class EventJournal {
    /** Events of one game moved together: a row of {@code event_chunks} (decision records 0011 and 0012). */
    static final int PER_GAME = 64;
    /**
     * A batch moves the due games' events until it has moved this many times the events it appends (at least
     * {@link #PER_GAME}): moves keep pace with any rate of appends, and the games left over move at the rate of the appends
     * ("Moves spread over batches" in docs/BENCHMARKS.md).
     */
    static final int MOVE_BUDGET = 2;
    /** How far, in events, the oldest waiting row may fall behind the newest before its game moves, whatever the budget. */
    static final long MAX_SPAN = 131_072;
    /** Events that may wait in all: only reached when moves keep failing; appends are refused beyond it. */
    static final long MAX_WAITING = 2 * MAX_SPAN;
    /**
     * The most bytes of appends a journal row is written with: more, and they take further rows. Far below SQLite's limit
     * for a value (about 1 GB), and what writing a row holds in memory twice over, while a batch's usual row is some tens
     * of KB. One append larger than this takes a row of its own.
     */
    static final int MAX_ROW_BYTES = 16 << 20;

    private static final String INSERT_JOURNAL = "INSERT INTO event_journal (seq, appends) VALUES (?, ?)";

    /**
     * What waits of one game: its newest append, and the tail before it (null for the oldest). Never changed: a batch
     * extends it by a link per append, so what a reader took stays as it was. A game moves once {@link #PER_GAME} events
     * wait, or a few batches later when many are due at once, so a tail is about that many appends long, unless moves keep
     * failing (then up to {@link #MAX_WAITING} events, and {@link #command} scans them all for each id the filter cannot
     * rule out).
     */
    record Tail(Tail before, Append newest, long oldestRow, int eventCount) {
        static Tail extend(Tail before, Append newest) {
            return before == null ? new Tail(null, newest, newest.row(), newest.eventCount())
                    : new Tail(before, newest, before.oldestRow(), before.eventCount() + newest.eventCount());
        }

        long lastVersion() {
            return newest.lastVersion();
        }

        /** Oldest first. */
        List<Append> appends() {
            List<Append> appends = new ArrayList<>();
            for (Tail link = this; link != null; link = link.before()) {
                appends.add(link.newest());
            }
            return appends.reversed();
        }

        Optional<CommandRecord> command(String commandId) {
            for (Tail link = this; link != null; link = link.before()) {
                if (link.newest().commandId().equals(commandId)) {
                    return Optional.of(link.newest().command());
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One append: the journal row that holds it (final once written), its game and versions, and its bytes as that row
     * holds them ({@link JournalRow#encodeAppend}). Its command id and events are read from those bytes when asked: so
     * a waiting append is three objects on the heap (this, its bytes and its {@link Tail}), not nine, and a young
     * collection has that much less to copy while it waits ("Waiting appends held as their bytes" in docs/BENCHMARKS.md).
     * Being a record with an array, it is equal only to itself: compare {@link #command} and {@link #events} instead.
     */
    record Append(long row, String gameId, long firstVersion, int eventCount, byte[] bytes) {
        static Append of(long row, String gameId, String commandId, Instant recordedAt, long firstVersion, List<NewEvent> events) {
            return new Append(row, gameId, firstVersion, events.size(), JournalRow.encodeAppend(gameId, commandId, Micros.of(recordedAt), firstVersion, events));
        }

        long lastVersion() {
            return firstVersion + eventCount - 1;
        }

        String commandId() {
            return JournalRow.commandId(bytes);
        }

        CommandRecord command() {
            return new CommandRecord(gameId, commandId(), firstVersion, lastVersion());
        }

        /** Decoded anew at each call, each with its own payload. */
        List<StoredEvent> events() {
            return JournalRow.events(row, bytes);
        }

        long recordedAtMicros() {
            return JournalRow.recordedAtMicros(bytes);
        }

        Append inRow(long row) {
            return new Append(row, gameId, firstVersion, eventCount, bytes);
        }
    }

    private record Key(String gameId, String commandId) {
    }

    /** How far the running batch had come: what {@link #rollbackTo} returns to when one write of it fails alone. */
    record Mark(int staged, int archived) {
    }

    /** Committed tails by game: read by any thread, changed by the writer only. */
    private final Map<String, Tail> committed = new ConcurrentHashMap<>();
    /** The waiting games by their oldest journal row, oldest first (many games share a row). */
    private final TreeMap<Long, Set<String>> byOldestRow = new TreeMap<>();
    /**
     * The games with {@link #PER_GAME} events or more waiting that an earlier batch left over, in the order they became
     * due, those whose move failed at the back in the order they failed.
     */
    private final Set<String> overdue = new LinkedHashSet<>();
    private volatile int waitingEvents;
    /** The next journal row's number: the previous row's plus its events (at least one), never reused while the store is open. */
    private long nextRow = 1;
    /** The running batch's appends in order, their records, its archived games, and the games it moved. */
    private final List<Append> staged = new ArrayList<>();
    /** Where the appends of {@code staged} not yet in a journal row begin (staged with the number {@code nextRow}). */
    private int unwrittenFrom;
    private final Map<Key, CommandRecord> stagedCommands = new HashMap<>();
    private final List<String> archived = new ArrayList<>();
    private final Set<String> moved = new HashSet<>();
    /** The games whose move the running batch tried and undid, and did not move after, in the order they failed. */
    private final Set<String> failedMoves = new LinkedHashSet<>();
    /** Why the last move failed, until a batch moves games and fails none. */
    private String moveFailure;

    private final CommandIdFilter storedCommandIds;
    private final int maxRowBytes;

    /**
     * For a journal that {@link JournalRecovery#moveAll} has emptied, before the writer starts, with a filter of the command records in
     * {@code command_runs} (read by a {@link CommandIdFilterLoader}, or complete and empty for an empty table); the id of each
     * append this journal stages is added to it.
     */
    EventJournal(CommandIdFilter storedCommandIds) {
        this(storedCommandIds, MAX_ROW_BYTES);
    }

    /** With rows of at most {@code maxRowBytes} bytes of appends (tests). */
    EventJournal(CommandIdFilter storedCommandIds, int maxRowBytes) {
        this.storedCommandIds = storedCommandIds;
        this.maxRowBytes = maxRowBytes;
    }

    /** Committed events not yet moved to {@code event_chunks}; read by any thread. */
    int waiting() {
        return waitingEvents;
    }

    /** For any thread: what waits of {@code gameId}, or null. Take it before querying the tables. */
    Tail tail(String gameId) {
        return committed.get(gameId);
    }

    /** For any thread: each game that has events waiting, with the instant (in microseconds) of its newest. */
    Map<String, Long> newestWaiting() {
        Map<String, Long> newest = new HashMap<>();
        committed.forEach((gameId, tail) -> newest.put(gameId, tail.appends().stream().mapToLong(Append::recordedAtMicros).max().orElseThrow()));
        return newest;
    }

    /**
     * For the writer, before an append writes anything: refuses it once {@link #MAX_WAITING} events wait, or once the
     * journal's rows, kept from the oldest that holds a waiting append, span that many events. Either happens only
     * while moves keep failing (all of them, or one game's), so that memory and the journal table stay bounded.
     */
    void refuseIfFull(String gameId) {
        long span = byOldestRow.isEmpty() ? 0 : nextRow - byOldestRow.firstKey();
        if (waitingEvents >= MAX_WAITING || span >= MAX_WAITING) {
            throw new StoreException("game " + gameId + ": append refused: " + waitingEvents + " events wait in the journal, whose rows span "
                    + span + " events from the oldest that holds one, as moving them to their game's tables keeps failing"
                    + (moveFailure == null ? "" : " (" + moveFailure + ")") + "; appends are taken again once the moves succeed");
        }
    }

    /**
     * For any thread: false if {@code commandId} of {@code gameId} is certainly neither in {@code command_runs} nor in a
     * committed tail, so need be looked up in neither. An id joins the filter when its append is staged, before the batch
     * that holds it commits, so no reader can find it stored and then be told it is not.
     */
    boolean mayBeStored(String gameId, String commandId) {
        return storedCommandIds.mayContain(gameId, commandId);
    }

    /** For the writer: the record of {@code commandId} if the running batch appended it. */
    Optional<CommandRecord> findStaged(String gameId, String commandId) {
        return Optional.ofNullable(stagedCommands.get(new Key(gameId, commandId)));
    }

    /** For any thread: the record of {@code commandId} if it is committed and waits. Look here before the table. */
    Optional<CommandRecord> findCommitted(String gameId, String commandId) {
        Tail tail = committed.get(gameId);
        return tail == null ? Optional.empty() : tail.command(commandId);
    }

    /**
     * Stages the events of one append as versions {@code firstVersion...} in the running batch: {@link #writeRows} writes
     * them to the journal.
     */
    void append(String gameId, String commandId, Instant recordedAt, long firstVersion, List<NewEvent> events) {
        Append append = Append.of(nextRow, gameId, commandId, recordedAt, firstVersion, events); // a copy of each payload, whatever the caller does with its array
        storedCommandIds.add(gameId, commandId); // before it can be seen committed; should the batch roll back, a "maybe" too many
        staged.add(append);
        stagedCommands.put(new Key(gameId, commandId), new CommandRecord(gameId, commandId, firstVersion, append.lastVersion()));
    }

    /**
     * Writes the appends staged since the last call to the journal, in the running batch: once after a batch's writes,
     * or after each write when the batch runs one savepoint per write. One row, unless they take more than
     * {@link #MAX_ROW_BYTES}. Nothing staged, nothing written.
     */
    void writeRows(SqlSession session) throws SQLException {
        for (List<Append> row : JournalRow.rows(staged.subList(unwrittenFrom, staged.size()), maxRowBytes)) {
            writeRow(session, unwrittenFrom + row.size()); // writeRow moves unwrittenFrom past the row
        }
    }

    /** Writes the staged appends from {@code unwrittenFrom} to {@code end} as one row, numbering them with it. */
    private void writeRow(SqlSession session, int end) throws SQLException {
        long row = nextRow;
        int events = 0;
        for (int i = unwrittenFrom; i < end; i++) {
            Append append = staged.get(i);
            events += append.eventCount();
            if (append.row() != row) { // staged with the number of the batch's first row
                staged.set(i, append.inRow(row));
            }
        }
        nextRow += Math.max(1, events); // taken even if the insert fails
        PreparedStatement insert = session.prepared(INSERT_JOURNAL);
        insert.setLong(1, row);
        insert.setBytes(2, JournalRow.encode(staged.subList(unwrittenFrom, end)));
        insert.executeUpdate();
        insert.clearParameters(); // so that the statement, kept for the next batch, does not hold the row's bytes
        unwrittenFrom = end;
    }

    /** For the writer, before it commits: a batch whose appends are not all in a journal row must not commit (a bug). */
    void requireAllWritten() {
        if (unwrittenFrom != staged.size()) {
            throw new IllegalStateException((staged.size() - unwrittenFrom) + " appends of the batch are not written to the journal");
        }
    }

    Mark mark() {
        return new Mark(staged.size(), archived.size());
    }

    /** Forgets what the running batch appended and archived after {@code mark}: that write was rolled back to its savepoint. */
    void rollbackTo(Mark mark) {
        List<Append> undone = staged.subList(mark.staged(), staged.size());
        undone.forEach(append -> stagedCommands.remove(new Key(append.gameId(), append.commandId())));
        undone.clear();
        unwrittenFrom = Math.min(unwrittenFrom, staged.size());
        archived.subList(mark.archived(), archived.size()).clear();
    }

    /** The running batch archived {@code gameId}: what waits of it goes with its other rows, and never reaches {@code event_chunks}. */
    void archive(String gameId) {
        archived.add(gameId);
    }

    /**
     * The games the running batch is to move ({@link #move}): each game more than {@link #MAX_SPAN} behind, whatever the
     * budget, and of the games with {@link #PER_GAME} events or more waiting, committed and staged, the overdue first,
     * until these hold {@link #MOVE_BUDGET} times the events the batch appends. In key order, so that neighbouring games
     * share pages.
     */
    Set<String> dueGames() {
        Map<String, Integer> stagedEvents = new LinkedHashMap<>();
        staged.forEach(append -> stagedEvents.merge(append.gameId(), append.eventCount(), Integer::sum));
        Set<String> due = new TreeSet<>();
        byOldestRow.headMap(nextRow - MAX_SPAN).values().forEach(due::addAll);
        due.removeAll(archived);
        long budget = Math.max(PER_GAME, MOVE_BUDGET * stagedEvents.values().stream().mapToLong(Integer::longValue).sum());
        long moving = 0; // games forced out by the span do not count: one whose move keeps failing must not take the others' budget
        for (Set<String> candidates : List.of(overdue, stagedEvents.keySet())) {
            for (String gameId : candidates) {
                if (moving >= budget) {
                    break;
                }
                int waiting = waitingEvents(gameId) + stagedEvents.getOrDefault(gameId, 0);
                if (waiting >= PER_GAME && !archived.contains(gameId) && due.add(gameId)) {
                    moving += waiting;
                }
            }
        }
        return due;
    }

    /**
     * Moves what waits (committed and staged) of {@code games} to {@code event_chunks} and {@code command_runs}, in the running
     * batch's transaction. Should it throw, the caller undoes what it wrote and calls {@link #moveFailed}.
     */
    void move(SqlSession session, Set<String> games) throws SQLException {
        Map<String, List<Append>> stagedOfGames = new HashMap<>();
        for (Append append : staged) {
            if (games.contains(append.gameId())) {
                stagedOfGames.computeIfAbsent(append.gameId(), id -> new ArrayList<>()).add(append);
            }
        }
        for (String gameId : games) {
            Tail tail = committed.get(gameId);
            List<Append> appends = new ArrayList<>(tail == null ? List.of() : tail.appends());
            appends.addAll(stagedOfGames.getOrDefault(gameId, List.of()));
            insert(session, appends);
        }
        moved.addAll(games);
        failedMoves.removeAll(games);
    }

    /**
     * The move of {@code games} failed, for {@code reason}, and what it wrote was undone: they still wait, and once the
     * batch commits, those overdue go to the back of the line, so that the next batches move the others first.
     */
    void moveFailed(Set<String> games, Exception reason) {
        moved.removeAll(games);
        failedMoves.addAll(games);
        moveFailure = reason.toString();
    }

    /** Deletes, in the running batch's transaction, the journal's rows older than the oldest that still waits once it commits. */
    void deleteRowsNoLongerWaiting(SqlSession session) throws SQLException {
        PreparedStatement delete = session.prepared("DELETE FROM event_journal WHERE seq < ?");
        delete.setLong(1, oldestStillWaiting());
        delete.executeUpdate();
    }

    private int waitingEvents(String gameId) {
        Tail tail = committed.get(gameId);
        return tail == null ? 0 : tail.eventCount();
    }

    /** The oldest journal row that waits once this batch commits: of a committed tail, else of a staged append, else the next. */
    private long oldestStillWaiting() {
        for (Map.Entry<Long, Set<String>> oldest : byOldestRow.entrySet()) {
            for (String gameId : oldest.getValue()) {
                if (!moved.contains(gameId) && !archived.contains(gameId)) {
                    return oldest.getKey();
                }
            }
        }
        for (Append append : staged) {
            String gameId = append.gameId();
            if (!moved.contains(gameId) && !archived.contains(gameId)) {
                return append.row();
            }
        }
        return nextRow;
    }

    /**
     * Writes {@code appends}, consecutive appends of one game in version order, to {@code event_chunks} as the journal
     * holds them, and their command records to {@code command_runs} as one run ({@link CommandRuns#add}).
     */
    static void insert(SqlSession session, List<Append> appends) throws SQLException {
        EventChunks.insert(EventChunks.insertStatement(session), appends);
        CommandRuns.add(session, appends.getFirst().gameId(), appends.getFirst().firstVersion(), appends.stream().map(Append::command).toList());
    }

    /** The running batch committed: the games it moved or archived wait no more, and what it appended to the others waits. */
    void commit() {
        archived.forEach(this::forget);
        moved.forEach(this::forget);
        for (Append append : staged) {
            String gameId = append.gameId();
            if (!moved.contains(gameId) && !archived.contains(gameId)) {
                addToTail(append);
            }
        }
        for (String gameId : failedMoves) {
            if (overdue.remove(gameId)) {
                overdue.add(gameId);
            }
        }
        if (failedMoves.isEmpty() && !moved.isEmpty()) {
            moveFailure = null;
        }
        clearBatch();
    }

    private void addToTail(Append append) {
        String gameId = append.gameId();
        Tail tail = Tail.extend(committed.get(gameId), append);
        committed.put(gameId, tail);
        byOldestRow.computeIfAbsent(tail.oldestRow(), row -> new HashSet<>()).add(gameId);
        waitingEvents += append.eventCount();
        if (tail.eventCount() >= PER_GAME) {
            overdue.add(gameId);
        }
    }

    private void forget(String gameId) {
        Tail gone = committed.remove(gameId);
        overdue.remove(gameId);
        if (gone != null) {
            Set<String> games = byOldestRow.get(gone.oldestRow());
            games.remove(gameId);
            if (games.isEmpty()) {
                byOldestRow.remove(gone.oldestRow());
            }
            waitingEvents -= gone.eventCount();
        }
    }

    /** The running batch was rolled back: nothing it appended, archived or moved happened. */
    void rollback() {
        clearBatch();
    }

    private void clearBatch() {
        staged.clear();
        unwrittenFrom = 0;
        stagedCommands.clear();
        archived.clear();
        moved.clear();
        failedMoves.clear();
    }

    /**
     * The running batch's commit failed, and it may yet have been stored (a commit can fail after its sync). Moves
     * every journal row to the tables in a transaction of its own on {@code session}, so that whichever happened, the
     * tables now hold it, and forgets the batch and every tail. Should the database fail again, what waits in memory
     * is still right but may lack the batch: the caller must then stop writing.
     */
    void secureAfterFailedCommit(SqlSession session) throws SQLException {
        clearBatch(); // the filter holds this batch's ids already, as it may have been stored
        JournalRecovery.moveAll(session);
        committed.clear();
        byOldestRow.clear();
        overdue.clear();
        waitingEvents = 0;
    }

    /**
     * The events of {@code tail} newer than {@code stored}, a game's events read from {@code event_chunks} in version order
     * after the tail was taken (a move in between puts some of the tail in both).
     */
    static List<StoredEvent> newerThan(List<StoredEvent> stored, Tail tail) {
        if (tail == null) {
            return List.of();
        }
        long last = stored.isEmpty() ? 0 : stored.getLast().version();
        List<StoredEvent> newer = new ArrayList<>();
        for (Append append : tail.appends()) {
            if (append.lastVersion() > last) { // only these are decoded
                append.events().stream().filter(event -> event.version() > last).forEach(newer::add);
            }
        }
        return newer;
    }
}
