package dev.statecraft.engine;

import dev.statecraft.persistence.SnapshotCodec;
import dev.statecraft.persistence.Strategy;
import dev.statecraft.persistence.WritePolicy;
import dev.statecraft.rules.GameType;
import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.Snapshot;
import dev.statecraft.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes what a game type's persistence asks for: each accepted command durably (synchronously, group
 * committed by the store) or into the write-behind buffer; snapshots every N events and at phase
 * changes; for snapshots-only games the latest state instead of events. Called under the game's lock,
 * which keeps a game's writes in version order.
 */
final class Persister {
    private static final System.Logger LOG = System.getLogger(Persister.class.getName());
    /** Snapshots of durable games are an optimisation; they may trail their events by this much. */
    private static final Duration SNAPSHOT_FLUSH = Duration.ofSeconds(1);

    private final Store store;
    private final WriteBehind writeBehind;
    private final EngineMetrics metrics;

    Persister(Store store, WriteBehind writeBehind, EngineMetrics metrics) {
        this.store = store;
        this.writeBehind = writeBehind;
        this.metrics = metrics;
    }

    /**
     * Makes one accepted command's events durable, or queues them, according to {@code policy}.
     *
     * @throws dev.statecraft.store.DuplicateCommandException from a durable append of a known command id
     * @throws dev.statecraft.store.VersionConflictException  from a durable append another writer overtook
     * @throws BufferFullException                            if a buffered command found no room in time
     */
    void write(HotGame game, AppendRequest request, LiveState after, WritePolicy policy) {
        GameType<?, ?, ?, ?> type = game.type;
        boolean snapshotsOnly = type.persistence().strategy() == Strategy.SNAPSHOTS_ONLY;
        switch (policy) {
            case WritePolicy.Durable durable -> {
                writeBehind.flush(game.gameId);
                if (snapshotsOnly) {
                    store.snapshots().save(snapshot(game, after, request.recordedAt()));
                    game.snapshotVersion = after.version();
                    metrics.snapshot(type.name(), "saved");
                } else {
                    store.events().append(request);
                }
                metrics.appended(type.name(), "durable", request.events().size());
            }
            case WritePolicy.Buffered buffered -> {
                if (snapshotsOnly) {
                    writeBehind.snapshot(snapshot(game, after, request.recordedAt()), buffered.flushEvery());
                    game.snapshotVersion = after.version();
                    metrics.snapshot(type.name(), "saved");
                } else {
                    writeBehind.append(request, buffered.flushEvery(), buffered.flushAfterEvents());
                }
                metrics.appended(type.name(), "buffered", request.events().size());
            }
        }
    }

    /**
     * After a write: a snapshot if one is due, and an early flush when a buffered game changed phase.
     * Never fails: the command is already applied, and these snapshots only speed up loading, so one
     * that finds the write-behind buffer full is skipped and tried again at the next command.
     * A game entering a phase it is archived in gets none: the archive that follows keeps its final
     * state, and removes its snapshots in the same step.
     */
    void written(HotGame game, LiveState before, LiveState after, Instant at) {
        var persistence = game.type.persistence();
        boolean phaseChanged = !before.phase().equals(after.phase());
        boolean archivedNext = phaseChanged && game.type.archivePhases().contains(after.phase());
        if (persistence.strategy() != Strategy.SNAPSHOTS_ONLY && !archivedNext
                && (after.version() - game.snapshotVersion >= persistence.snapshotEvery() || (phaseChanged && persistence.snapshotOnPhaseChange()))) {
            offerSnapshot(game, after, at);
        }
        if (phaseChanged) {
            writeBehind.flushSoon(game.gameId);
        }
    }

    /** Before a game leaves memory: its latest state for hybrid games, then everything it has pending. */
    void passivating(HotGame game, Instant now) {
        LiveState live = game.live;
        if (game.type.persistence().strategy() == Strategy.HYBRID && game.snapshotVersion < live.version()) {
            offerSnapshot(game, live, now);
        }
        flush(game.gameId);
    }

    private void offerSnapshot(HotGame game, LiveState state, Instant at) {
        boolean queued;
        try {
            queued = writeBehind.offerSnapshot(snapshot(game, state, at), SNAPSHOT_FLUSH);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "game " + game.gameId + ": snapshot at version " + state.version() + " could not be taken: " + e.getMessage());
            queued = false;
        }
        if (queued) {
            game.snapshotVersion = state.version();
        }
        metrics.snapshot(game.type.name(), queued ? "saved" : "skipped");
    }

    void flush(String gameId) {
        writeBehind.flush(gameId);
    }

    /** A command id this game recorded and that may not be in the store yet. */
    Optional<CommandRecord> pendingCommand(String gameId, String commandId) {
        return writeBehind.pendingCommand(gameId, commandId);
    }

    private static Snapshot snapshot(HotGame game, LiveState state, Instant at) {
        return SnapshotCodec.encode(game.gameId, state.version(), game.type.stateSchemaVersion(), state.state(), at);
    }
}
