package dev.statecraft.sqlite;

import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.DuplicateCommandException;
import dev.statecraft.store.EventLog;
import dev.statecraft.store.NewEvent;
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
 * The event log in the {@code events} and {@code commands} tables. Appends go through the group-commit writer; a command's
 * record reaches {@code commands} later, in bulk, and waits in the {@link CommandBacklog} until then.
 */
final class SqliteEventLog implements EventLog {
    private static final String COLUMNS = "game_id, version, type, schema_version, payload, recorded_at, command_id";
    private static final String INSERT_EVENT = "INSERT INTO events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String FIND_COMMAND = "SELECT first_version, last_version FROM commands WHERE game_id = ? AND command_id = ?";

    private final GroupCommitWriter writer;
    private final ReadConnections reads;
    private final CommandBacklog backlog;

    SqliteEventLog(GroupCommitWriter writer, ReadConnections reads, CommandBacklog backlog) {
        this.writer = writer;
        this.reads = reads;
        this.backlog = backlog;
    }

    @Override
    public long append(AppendRequest request) {
        return writer.execute((session, versions, commands) -> append(session, versions, commands, request));
    }

    @Override
    public CompletableFuture<Long> appendAsync(AppendRequest request) {
        return writer.submit((session, versions, commands) -> append(session, versions, commands, request));
    }

    /** Checks (archived, known command id, expected version) before its first write, as a {@link WriteOp} must. */
    static long append(SqlSession session, StreamVersions versions, CommandBacklog commands, AppendRequest request) throws SQLException {
        long actual = versions.lastVersion(session, request.gameId());
        if (actual == StreamVersions.ARCHIVED) {
            throw new StoreException("game " + request.gameId() + ": archived, no more events can be appended");
        }
        Optional<CommandRecord> seen = commands.find(request.gameId(), request.commandId());
        if (seen.isEmpty()) {
            seen = findCommand(session, request.gameId(), request.commandId());
        }
        if (seen.isPresent()) {
            throw new DuplicateCommandException(seen.get());
        }
        if (actual != request.expectedVersion()) {
            throw new VersionConflictException(request.gameId(), request.expectedVersion(), actual);
        }
        long recordedAt = Micros.of(request.recordedAt());
        long version = actual;
        PreparedStatement insert = session.prepared(INSERT_EVENT);
        for (NewEvent event : request.events()) {
            version++;
            insert.setString(1, request.gameId());
            insert.setLong(2, version);
            insert.setString(3, event.type());
            insert.setInt(4, event.schemaVersion());
            insert.setBytes(5, event.payload());
            insert.setLong(6, recordedAt);
            insert.setString(7, request.commandId());
            insert.executeUpdate();
        }
        commands.stage(session, new CommandRecord(request.gameId(), request.commandId(), actual + 1, version));
        versions.set(request.gameId(), version);
        return version;
    }

    @Override
    public List<StoredEvent> read(String gameId, long fromVersion, long toVersion) {
        return reads.read(session -> {
            PreparedStatement select = session.prepared("SELECT " + COLUMNS + " FROM events WHERE game_id = ? AND version BETWEEN ? AND ? ORDER BY version");
            select.setString(1, gameId);
            select.setLong(2, fromVersion);
            select.setLong(3, toVersion);
            return events(select);
        });
    }

    @Override
    public List<StoredEvent> readUpTo(String gameId, Instant instant) {
        return reads.read(session -> {
            PreparedStatement select = session.prepared("SELECT " + COLUMNS + " FROM events WHERE game_id = ? AND version < "
                    + "COALESCE((SELECT MIN(version) FROM events WHERE game_id = ? AND recorded_at > ?), 9223372036854775807) ORDER BY version");
            select.setString(1, gameId);
            select.setString(2, gameId);
            select.setLong(3, Micros.of(instant));
            return events(select);
        });
    }

    @Override
    public long lastVersion(String gameId) {
        return reads.read(session -> {
            PreparedStatement select = session.prepared("SELECT COALESCE(MAX(version), 0) FROM events WHERE game_id = ?");
            select.setString(1, gameId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public Optional<CommandRecord> findCommand(String gameId, String commandId) {
        // The backlog first: a record leaves it only once it is committed to the table.
        Optional<CommandRecord> waiting = backlog.findCommitted(gameId, commandId);
        return waiting.isPresent() ? waiting : reads.read(session -> findCommand(session, gameId, commandId));
    }

    private static Optional<CommandRecord> findCommand(SqlSession session, String gameId, String commandId) throws SQLException {
        PreparedStatement select = session.prepared(FIND_COMMAND);
        select.setString(1, gameId);
        select.setString(2, commandId);
        try (ResultSet rs = select.executeQuery()) {
            return rs.next() ? Optional.of(new CommandRecord(gameId, commandId, rs.getLong(1), rs.getLong(2))) : Optional.empty();
        }
    }

    private static List<StoredEvent> events(PreparedStatement select) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                events.add(new StoredEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getBytes(5),
                        Micros.toInstant(rs.getLong(6)), rs.getString(7)));
            }
        }
        return events;
    }
}
