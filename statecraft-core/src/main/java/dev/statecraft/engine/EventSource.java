package dev.statecraft.engine;

import dev.statecraft.persistence.ReplayBundle;
import dev.statecraft.store.ArchivedGame;
import dev.statecraft.store.EventLog;
import dev.statecraft.store.GameRecord;
import dev.statecraft.store.StoredEvent;
import java.time.Instant;
import java.util.List;

/** Where a game's history is read from: the active event log, or an archived game's replay bundle. */
sealed interface EventSource {

    GameRecord record();

    /** Events with {@code fromVersion <= version <= toVersion}, in order. */
    List<StoredEvent> read(long fromVersion, long toVersion);

    /** Events recorded at or before {@code instant}, in order. */
    List<StoredEvent> readUpTo(Instant instant);

    static EventSource active(GameRecord record, EventLog log) {
        return new Active(record, log);
    }

    static EventSource archived(ArchivedGame game) {
        return new Archived(new GameRecord(game.gameId(), game.gameType(), game.setup(), game.createdAt()),
                ReplayBundle.fromBytes(game.replayBundle()).events());
    }

    record Active(GameRecord record, EventLog log) implements EventSource {
        @Override
        public List<StoredEvent> read(long fromVersion, long toVersion) {
            return log.read(record.gameId(), fromVersion, toVersion);
        }

        @Override
        public List<StoredEvent> readUpTo(Instant instant) {
            return log.readUpTo(record.gameId(), instant);
        }
    }

    record Archived(GameRecord record, List<StoredEvent> events) implements EventSource {
        @Override
        public List<StoredEvent> read(long fromVersion, long toVersion) {
            return events.stream().filter(e -> e.version() >= fromVersion && e.version() <= toVersion).toList();
        }

        @Override
        public List<StoredEvent> readUpTo(Instant instant) {
            return events.stream().takeWhile(e -> !e.recordedAt().isAfter(instant)).toList();
        }
    }
}
