package dev.statecraft.sqlite;

import dev.statecraft.store.NewEvent;
import dev.statecraft.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Schema version 5 (decision record 0012): a game's stored events go from a row each in {@code events} to rows of
 * {@code event_chunks}, each the bytes of consecutive appends as {@link JournalRow} writes them. In Java, as SQL cannot
 * write those bytes. The events of one command recorded at one instant become one append, as they were appended; a game
 * whose versions have a gap cannot be held in chunks and fails the migration, naming it, which then changes nothing.
 */
final class EventsInChunksMigration extends TableRewriteMigration {
    static final int VERSION = 5;

    private static final String CREATE = """
            CREATE TABLE event_chunks (
                game_id            TEXT    NOT NULL,
                first_version      INTEGER NOT NULL,
                last_version       INTEGER NOT NULL,
                newest_recorded_at INTEGER NOT NULL,
                appends            BLOB    NOT NULL,
                PRIMARY KEY (game_id, first_version)
            )""";

    EventsInChunksMigration() {
        super(VERSION, "events in chunks", CREATE, "events");
    }

    @Override
    void copy(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT game_id, version, type, schema_version, payload, recorded_at, command_id FROM events ORDER BY game_id, version");
                PreparedStatement insert = EventChunks.insertStatement(connection);
                ResultSet rs = select.executeQuery()) {
            Chunker chunker = new Chunker(insert);
            while (rs.next()) {
                chunker.add(rs.getString(1), rs.getLong(2), rs.getString(7), rs.getLong(6), new NewEvent(rs.getString(3), rs.getInt(4), rs.getBytes(5)));
            }
            chunker.finish();
        }
    }

    /** Gathers the events, read in game and version order, into appends, and a game's appends into chunks. */
    private static final class Chunker {
        private final PreparedStatement insert;
        private final List<EventJournal.Append> chunk = new ArrayList<>();
        private long chunkBytes;
        private String gameId;
        private String commandId;
        private long recordedAtMicros;
        private long firstVersion;
        private long lastVersion;
        private final List<NewEvent> events = new ArrayList<>();

        Chunker(PreparedStatement insert) {
            this.insert = insert;
        }

        void add(String game, long version, String command, long recordedAt, NewEvent event) throws SQLException {
            boolean sameGame = game.equals(gameId);
            if (sameGame && version != lastVersion + 1) {
                throw new StoreException("table events: game " + game + " has version " + version + " after " + lastVersion
                        + "; a game's versions must follow one another to be moved to event_chunks");
            }
            if (!sameGame || !command.equals(commandId) || recordedAt != recordedAtMicros) {
                endAppend();
                if (!sameGame) {
                    endChunk();
                }
                gameId = game;
                commandId = command;
                recordedAtMicros = recordedAt;
                firstVersion = version;
            }
            events.add(event);
            lastVersion = version;
        }

        void finish() throws SQLException {
            endAppend();
            endChunk();
        }

        private void endAppend() throws SQLException {
            if (events.isEmpty()) {
                return;
            }
            byte[] bytes = JournalRow.encodeAppend(gameId, commandId, recordedAtMicros, firstVersion, events);
            if (!chunk.isEmpty() && chunkBytes + bytes.length > EventChunks.MAX_ROW_BYTES) {
                endChunk(); // so that no more than a chunk's appends are held at once
            }
            chunk.add(new EventJournal.Append(0, Objects.requireNonNull(gameId), firstVersion, events.size(), bytes));
            chunkBytes += bytes.length;
            events.clear();
        }

        private void endChunk() throws SQLException {
            if (!chunk.isEmpty()) {
                EventChunks.insert(insert, chunk);
                chunk.clear();
                chunkBytes = 0;
            }
        }
    }
}
