package dev.statecraft.engine;

import dev.statecraft.persistence.ReplayBundle;
import dev.statecraft.persistence.SnapshotCodec;
import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Rules;
import dev.statecraft.rules.Setup;
import dev.statecraft.store.ArchivedGame;
import dev.statecraft.store.GameRecord;
import dev.statecraft.store.Snapshot;
import dev.statecraft.store.Store;
import dev.statecraft.store.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a finished game into its history record, and an archived game back into the state its replay reaches. */
final class Archiver {
    private static final int PAGE = 10_000;

    private final Store store;

    Archiver(Store store) {
        this.store = store;
    }

    /** Writes the history record and removes the game from the active tables, in one step of the store. Call with everything flushed. */
    ArchivedGame archive(GameType<?, ?, ?, ?> type, GameRecord record, LiveState live, Instant finishedAt) {
        List<StoredEvent> events = allEvents(record.gameId());
        Snapshot finalState = SnapshotCodec.encode(record.gameId(), live.version(), type.stateSchemaVersion(), live.state(), finishedAt);
        byte[] bundle = ReplayBundle.of(record.gameId(), record.gameType(), record.setup(), record.createdAt(), events).toBytes();
        ArchivedGame archived = new ArchivedGame(record.gameId(), record.gameType(), record.setup(), record.createdAt(), finishedAt,
                Erased.outcome(type, live.state()), live.version(), events.size(), type.stateSchemaVersion(), finalState.payload(), bundle);
        store.archive().archive(archived);
        return archived;
    }

    /**
     * The first outcome of {@code commandId} if the archived game recorded it: a retry of the command
     * that finished the game gets the answer it got then, not a refusal.
     */
    static Optional<CommandResult> outcomeOf(ArchivedGame game, String commandId) {
        List<StoredEvent> events = ReplayBundle.fromBytes(game.replayBundle()).events().stream()
                .filter(e -> e.commandId().equals(commandId)).toList();
        if (events.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CommandResult.Accepted(game.gameId(), commandId, events.getLast().version(), events.size()));
    }

    /** The archived final state, decoded and checked. */
    static Versioned<Object> finalState(GameType<?, ?, ?, ?> type, ArchivedGame game) {
        Snapshot snapshot = new Snapshot(game.gameId(), game.finalVersion(), game.stateSchemaVersion(), game.finalState(), game.finishedAt());
        Object state = SnapshotCodec.decode(snapshot, type.stateType(), type.stateSchemaVersion());
        return new Versioned<>(game.gameId(), game.finalVersion(), Erased.rules(type).phase(state), state);
    }

    /** The state reached by replaying the archived replay bundle from the game's initial state. */
    static Versioned<Object> replay(GameType<?, ?, ?, ?> type, ArchivedGame game) {
        ReplayBundle bundle = ReplayBundle.fromBytes(game.replayBundle());
        Rules<Object, Object, Object, Object> rules = Erased.rules(type);
        Object state = rules.initialState(new Setup(bundle.header().setup()));
        long version = 0;
        for (StoredEvent event : bundle.events()) {
            if (event.version() != version + 1) {
                throw new IllegalStateException("game " + game.gameId() + ": replay bundle jumps from version " + version + " to " + event.version());
            }
            state = rules.evolve(state, EventEncoding.decode(type, event));
            version = event.version();
        }
        return new Versioned<>(game.gameId(), version, rules.phase(state), state);
    }

    private List<StoredEvent> allEvents(String gameId) {
        List<StoredEvent> events = new ArrayList<>();
        for (long from = 1; ; from += PAGE) {
            List<StoredEvent> page = store.events().read(gameId, from, from + PAGE - 1);
            events.addAll(page);
            if (page.size() < PAGE) {
                return events;
            }
        }
    }
}
