package dev.statecraft.sqlite;

import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.DuplicateCommandException;
import dev.statecraft.store.EventLog;
import dev.statecraft.store.StoreException;
import dev.statecraft.store.StoredEvent;
import dev.statecraft.store.VersionConflictException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The event log in the {@code event_chunks} and {@code command_runs} tables. Appends go through the group-commit writer into the
 * {@link EventJournal}, which moves them to those tables in bulk; every read looks at what waits there as well.
 */
final class SqliteEventLog implements EventLog {
    private final GroupCommitWriter writer;
    private final ReadConnections reads;
    private final EventJournal journal;

    SqliteEventLog(GroupCommitWriter writer, ReadConnections reads, EventJournal journal) {
        this.writer = writer;
        this.reads = reads;
        this.journal = journal;
    }

    @Override
    public long append(AppendRequest request) {
        return writer.execute((session, versions, journal) -> append(session, versions, journal, request));
    }

    @Override
    public CompletableFuture<Long> appendAsync(AppendRequest request) {
        return writer.submit((session, versions, journal) -> append(session, versions, journal, request));
    }

    /** Checks (archived, known command id, expected version) before its first write, as a {@link WriteOp} must. */
    static long append(SqlSession session, StreamVersions versions, EventJournal journal, AppendRequest request) throws SQLException {
        long actual = versions.lastVersion(session, request.gameId());
        if (actual == StreamVersions.ARCHIVED) {
            throw new StoreException("game " + request.gameId() + ": archived, no more events can be appended");
        }
        Optional<CommandRecord> seen = journal.findStaged(request.gameId(), request.commandId());
        if (seen.isEmpty() && journal.mayBeStored(request.gameId(), request.commandId())) {
            seen = journal.findCommitted(request.gameId(), request.commandId());
            if (seen.isEmpty()) {
                seen = CommandRuns.find(session, request.gameId(), request.commandId());
            }
        }
        if (seen.isPresent()) {
            throw new DuplicateCommandException(seen.get());
        }
        if (actual != request.expectedVersion()) {
            throw new VersionConflictException(request.gameId(), request.expectedVersion(), actual);
        }
        journal.refuseIfFull(request.gameId());
        journal.append(request.gameId(), request.commandId(), request.recordedAt(), actual + 1, request.events());
        versions.set(request.gameId(), request.lastVersion());
        return request.lastVersion();
    }

    @Override
    public List<StoredEvent> read(String gameId, long fromVersion, long toVersion) {
        EventJournal.Tail waiting = journal.tail(gameId); // before the table: see EventJournal
        List<StoredEvent> events = new ArrayList<>(reads.read(session -> EventChunks.read(session, gameId, fromVersion, toVersion)));
        for (StoredEvent event : EventJournal.newerThan(events, waiting)) {
            if (event.version() >= fromVersion && event.version() <= toVersion) {
                events.add(event);
            }
        }
        return events;
    }

    @Override
    public List<StoredEvent> readUpTo(String gameId, Instant instant) {
        EventJournal.Tail waiting = journal.tail(gameId);
        // One statement, so one snapshot of the table: it ends before the first event recorded after the instant, or at the table's end.
        List<StoredEvent> events = new ArrayList<>(reads.read(session -> EventChunks.readUpTo(session, gameId, instant)));
        // The tail carries on from the table's end; if the table stopped before its end, the tail's next event is later than the instant or a version further on.
        for (StoredEvent event : EventJournal.newerThan(events, waiting)) {
            long next = events.isEmpty() ? 1 : events.getLast().version() + 1;
            if (event.version() != next || event.recordedAt().isAfter(instant)) {
                break;
            }
            events.add(event);
        }
        return events;
    }

    @Override
    public long lastVersion(String gameId) {
        EventJournal.Tail waiting = journal.tail(gameId);
        long stored = reads.read(session -> EventChunks.lastVersion(session, gameId));
        return waiting == null ? stored : Math.max(stored, waiting.lastVersion());
    }

    @Override
    public Optional<CommandRecord> findCommand(String gameId, String commandId) {
        if (!journal.mayBeStored(gameId, commandId)) {
            return Optional.empty(); // most new ids, whose lookup a buffered command would otherwise pay (decision record 0006)
        }
        // The journal first: a record leaves it only once it is committed to the table.
        Optional<CommandRecord> waiting = journal.findCommitted(gameId, commandId);
        return waiting.isPresent() ? waiting : reads.read(session -> CommandRuns.find(session, gameId, commandId));
    }
}
