package dev.statecraft.engine;

import dev.statecraft.persistence.DamagedSnapshotException;
import dev.statecraft.persistence.SnapshotCodec;
import dev.statecraft.persistence.Strategy;
import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Phase;
import dev.statecraft.rules.Rules;
import dev.statecraft.rules.Setup;
import dev.statecraft.store.EventLog;
import dev.statecraft.store.GameRecord;
import dev.statecraft.store.Snapshot;
import dev.statecraft.store.SnapshotStore;
import dev.statecraft.store.StoreException;
import dev.statecraft.store.StoredEvent;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Rebuilds states from a game's stored events: to load it, to catch up, or to look into its past. */
final class History {
    private static final System.Logger LOG = System.getLogger(History.class.getName());
    private static final int PAGE = 1_000;

    private final EventLog log;
    private final SnapshotStore snapshots;
    private final EngineMetrics metrics;

    /** A loaded game: its state, the version of the snapshot it started from (0 if none), and where it came from. */
    record Loaded(LiveState live, long snapshotVersion, String source) {
    }

    History(EventLog log, SnapshotStore snapshots, EngineMetrics metrics) {
        this.log = log;
        this.snapshots = snapshots;
        this.metrics = metrics;
    }

    /**
     * The game's latest state: from its newest usable snapshot and the events after it, or from events
     * alone. A snapshot that is damaged, of another schema version, or ahead of the log is not used.
     *
     * @throws StoreException if a snapshots-only game's snapshot is unusable: it has nothing else to rebuild from
     */
    Loaded load(GameType<?, ?, ?, ?> type, GameRecord record, Recovery recovery) {
        boolean snapshotsOnly = type.persistence().strategy() == Strategy.SNAPSHOTS_ONLY;
        if (recovery == Recovery.LATEST || snapshotsOnly) {
            Optional<LiveState> fromSnapshot = snapshots.latest(record.gameId()).flatMap(s -> usable(type, s, snapshotsOnly));
            if (fromSnapshot.isPresent()) {
                LiveState start = fromSnapshot.get();
                LiveState live = snapshotsOnly ? start : replay(type, active(record), start, Long.MAX_VALUE, step -> { });
                return new Loaded(live, start.version(), "snapshot");
            }
        }
        return new Loaded(latest(type, record), 0, "events");
    }

    private Optional<LiveState> usable(GameType<?, ?, ?, ?> type, Snapshot snapshot, boolean snapshotsOnly) {
        try {
            Object state = SnapshotCodec.decode(snapshot, type.stateType(), type.stateSchemaVersion());
            if (!snapshotsOnly && log.lastVersion(snapshot.gameId()) < snapshot.version()) {
                throw new DamagedSnapshotException("snapshot of game " + snapshot.gameId() + " at version " + snapshot.version()
                        + " is ahead of its event log (last version " + log.lastVersion(snapshot.gameId()) + ")");
            }
            return Optional.of(new LiveState(snapshot.version(), Erased.rules(type).phase(state), state));
        } catch (DamagedSnapshotException e) {
            metrics.snapshot(type.name(), "refused");
            if (snapshotsOnly) {
                throw new StoreException("game " + snapshot.gameId() + ": " + e.getMessage() + "; a snapshots-only game keeps no events to rebuild from, "
                        + "so it is not loaded rather than served in a wrong state", e);
            }
            LOG.log(Level.WARNING, "game " + snapshot.gameId() + ": " + e.getMessage() + "; rebuilding from events");
            return Optional.empty();
        }
    }

    static LiveState initial(GameType<?, ?, ?, ?> type, GameRecord record) {
        Rules<Object, Object, Object, Object> rules = Erased.rules(type);
        Object state = rules.initialState(new Setup(record.setup()));
        return new LiveState(0, rules.phase(state), state);
    }

    /** The state after every stored event. */
    LiveState latest(GameType<?, ?, ?, ?> type, GameRecord record) {
        return replay(type, active(record), initial(type, record), Long.MAX_VALUE, step -> { });
    }

    /** {@code from} advanced by the events stored after it, each intermediate state given to {@code eachStep}. */
    LiveState catchUp(GameType<?, ?, ?, ?> type, GameRecord record, LiveState from, Consumer<LiveState> eachStep) {
        return replay(type, active(record), from, Long.MAX_VALUE, eachStep);
    }

    /** The state at {@code version}, replayed from the game's first event: what time travel and verification rely on. */
    LiveState at(GameType<?, ?, ?, ?> type, EventSource source, long version) {
        return reached(source, replay(type, source, initial(type, source.record()), version, step -> { }), version);
    }

    private static LiveState reached(EventSource source, LiveState state, long version) {
        if (state.version() != version) {
            throw new IllegalArgumentException("game " + source.record().gameId() + ": has no version " + version + " (last is " + state.version() + ")");
        }
        return state;
    }

    private LiveState startingPointFor(GameType<?, ?, ?, ?> type, EventSource source, long version) {
        if (source instanceof EventSource.Active && type.persistence().strategy() != Strategy.SNAPSHOTS_ONLY) {
            Optional<LiveState> snapshot = snapshots.latestAtOrBefore(source.record().gameId(), version).flatMap(s -> usable(type, s, false));
            if (snapshot.isPresent()) {
                return snapshot.get();
            }
        }
        return initial(type, source.record());
    }

    /**
     * The state at each version from {@code afterVersion + 1} to {@code toVersion}, for a subscriber catching up:
     * replayed from the newest usable snapshot at or before {@code afterVersion}, so that the cost follows the
     * gap and the snapshot interval, not the length of the game's history.
     */
    List<LiveState> steps(GameType<?, ?, ?, ?> type, EventSource source, long afterVersion, long toVersion) {
        List<LiveState> steps = new ArrayList<>();
        LiveState start = reached(source, replay(type, source, startingPointFor(type, source, afterVersion), afterVersion, step -> { }), afterVersion);
        replay(type, source, start, toVersion, steps::add);
        return steps;
    }

    List<PhaseTransition> transitions(GameType<?, ?, ?, ?> type, EventSource source) {
        List<PhaseTransition> transitions = new ArrayList<>();
        LiveState[] previous = {initial(type, source.record())};
        Rules<Object, Object, Object, Object> rules = Erased.rules(type);
        forEachEvent(source, 1, Long.MAX_VALUE, stored -> {
            Object state = evolve(type, rules, previous[0].state(), stored);
            Phase phase = rules.phase(state);
            if (!phase.equals(previous[0].phase())) {
                transitions.add(new PhaseTransition(previous[0].phase(), phase, stored.version(), stored.recordedAt()));
            }
            previous[0] = new LiveState(stored.version(), phase, state);
        });
        return transitions;
    }

    private EventSource active(GameRecord record) {
        return EventSource.active(record, log);
    }

    private LiveState replay(GameType<?, ?, ?, ?> type, EventSource source, LiveState from, long toVersion, Consumer<LiveState> eachStep) {
        Rules<Object, Object, Object, Object> rules = Erased.rules(type);
        LiveState[] current = {from};
        forEachEvent(source, from.version() + 1, toVersion, stored -> {
            Object state = evolve(type, rules, current[0].state(), stored);
            current[0] = new LiveState(stored.version(), rules.phase(state), state);
            eachStep.accept(current[0]);
        });
        return current[0];
    }

    private static void forEachEvent(EventSource source, long fromVersion, long toVersion, Consumer<StoredEvent> action) {
        String gameId = source.record().gameId();
        long next = fromVersion;
        while (next <= toVersion) {
            List<StoredEvent> page = source.read(next, Math.min(toVersion, next + PAGE - 1));
            for (StoredEvent stored : page) {
                if (stored.version() != next) {
                    throw new IllegalStateException("game " + gameId + ": the store returned version " + stored.version() + " where " + next + " was expected");
                }
                action.accept(stored);
                next++;
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private static Object evolve(GameType<?, ?, ?, ?> type, Rules<Object, Object, Object, Object> rules, Object state, StoredEvent stored) {
        Object event = EventEncoding.decode(type, stored);
        try {
            return rules.evolve(state, event);
        } catch (RuntimeException e) {
            throw new RulesFailureException("game " + stored.gameId() + " (" + type.name() + "): evolve threw "
                    + e.getClass().getSimpleName() + " replaying version " + stored.version() + " (" + stored.type() + ")", e);
        }
    }
}
