package dev.statecraft.sqlite;

import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.DuplicateCommandException;
import dev.statecraft.store.EventLog;
import dev.statecraft.store.NewEvent;
import dev.statecraft.store.StoreException;
import dev.statecraft.store.StoredEvent;
import dev.statecraft.store.VersionConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The event log in the {@code events} and {@code commands} tables. Appends go through the group-commit writer. */
final class SqliteEventLog implements EventLog {
    private static final String COLUMNS = "game_id, version, type, schema_version, payload, recorded_at, command_id";

    private final GroupCommitWriter writer;
    private final ReadConnections reads;

    SqliteEventLog(GroupCommitWriter writer, ReadConnections reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public long append(AppendRequest request) {
        return writer.execute((connection, versions) -> append(connection, versions, request));
    }

    @Override
    public CompletableFuture<Long> appendAsync(AppendRequest request) {
        return writer.submit((connection, versions) -> append(connection, versions, request));
    }

    static long append(Connection connection, StreamVersions versions, AppendRequest request) throws SQLException {
        long actual = versions.lastVersion(connection, request.gameId());
        if (actual == StreamVersions.ARCHIVED) {
            throw new StoreException("game " + request.gameId() + ": archived, no more events can be appended");
        }
        recordCommand(connection, request);
        if (actual != request.expectedVersion()) {
            throw new VersionConflictException(request.gameId(), request.expectedVersion(), actual);
        }
        long recordedAt = Micros.of(request.recordedAt());
        long version = actual;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (NewEvent event : request.events()) {
                version++;
                insert.setString(1, request.gameId());
                insert.setLong(2, version);
                insert.setString(3, event.type());
                insert.setInt(4, event.schemaVersion());
                insert.setBytes(5, event.payload());
                insert.setLong(6, recordedAt);
                insert.setString(7, request.commandId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        versions.set(request.gameId(), version);
        return version;
    }

    /** Records the command id, relying on the primary key to refuse one the game has seen. */
    private static void recordCommand(Connection connection, AppendRequest request) throws SQLException {
        try (PreparedStatement command = connection.prepareStatement(
                "INSERT INTO commands (game_id, command_id, first_version, last_version) VALUES (?, ?, ?, ?)")) {
            command.setString(1, request.gameId());
            command.setString(2, request.commandId());
            command.setLong(3, request.expectedVersion() + 1);
            command.setLong(4, request.lastVersion());
            command.executeUpdate();
        } catch (SQLiteException e) {
            if (e.getResultCode() != SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                throw e;
            }
            throw new DuplicateCommandException(findCommand(connection, request.gameId(), request.commandId()).orElseThrow(() -> e));
        }
    }

    @Override
    public List<StoredEvent> read(String gameId, long fromVersion, long toVersion) {
        return reads.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM events WHERE game_id = ? AND version BETWEEN ? AND ? ORDER BY version")) {
                select.setString(1, gameId);
                select.setLong(2, fromVersion);
                select.setLong(3, toVersion);
                return events(select);
            }
        });
    }

    @Override
    public List<StoredEvent> readUpTo(String gameId, Instant instant) {
        return reads.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM events WHERE game_id = ? AND version < "
                    + "COALESCE((SELECT MIN(version) FROM events WHERE game_id = ? AND recorded_at > ?), 9223372036854775807) ORDER BY version")) {
                select.setString(1, gameId);
                select.setString(2, gameId);
                select.setLong(3, Micros.of(instant));
                return events(select);
            }
        });
    }

    @Override
    public long lastVersion(String gameId) {
        return reads.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM events WHERE game_id = ?")) {
                select.setString(1, gameId);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<CommandRecord> findCommand(String gameId, String commandId) {
        return reads.read(c -> findCommand(c, gameId, commandId));
    }

    private static Optional<CommandRecord> findCommand(Connection c, String gameId, String commandId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT first_version, last_version FROM commands WHERE game_id = ? AND command_id = ?")) {
            select.setString(1, gameId);
            select.setString(2, commandId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new CommandRecord(gameId, commandId, rs.getLong(1), rs.getLong(2))) : Optional.empty();
            }
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
