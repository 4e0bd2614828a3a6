package dev.statecraft.engine;

import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.Snapshot;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What one game has waiting for the store: its appends in version order and its latest snapshot.
 * The monitor guards the contents; {@link #flushing} makes flushes of the game one at a time, so
 * its writes reach the store in order.
 */
final class GameBuffer {
    /** What one flush takes out: appends in order, then the snapshot to save if they all succeed. */
    record Drained(List<AppendRequest> appends, Snapshot snapshot, long oldestNanos) {
        boolean isEmpty() {
            return appends.isEmpty() && snapshot == null;
        }
    }

    final String gameId;
    final ReentrantLock flushing = new ReentrantLock();
    private final ArrayDeque<AppendRequest> appends = new ArrayDeque<>();
    private final Map<String, CommandRecord> commands = new HashMap<>();
    private Snapshot snapshot;
    private int events;
    private long oldestNanos;
    private long flushEveryNanos = Long.MAX_VALUE;
    private int flushAfterEvents = Integer.MAX_VALUE;
    private boolean urgent;
    private long retryAfterNanos;
    /** Set once the buffer was flushed empty and left the write-behind map; adders must take a fresh one. */
    private boolean retired;

    GameBuffer(String gameId) {
        this.gameId = gameId;
    }

    /** False if this buffer is retired: nothing was added, and the caller must use a fresh one. */
    synchronized boolean add(AppendRequest request, long flushEveryNanos, int flushAfterEvents) {
        if (retired) {
            return false;
        }
        appends.addLast(request);
        commands.put(request.commandId(), new CommandRecord(gameId, request.commandId(), request.expectedVersion() + 1, request.lastVersion()));
        events += request.events().size();
        noteArrival(flushEveryNanos, flushAfterEvents);
        return true;
    }

    /** Replaces the pending snapshot; call holding the monitor, after checking {@link #isRetired()}. */
    void replaceSnapshot(Snapshot latest, long flushEveryNanos) {
        snapshot = latest;
        noteArrival(flushEveryNanos, Integer.MAX_VALUE);
    }

    synchronized boolean isRetired() {
        return retired;
    }

    /** Retires the buffer if nothing is pending and no command id awaits confirmation; true if it did. */
    synchronized boolean retireIfEmpty() {
        if (isEmptyLocked() && commands.isEmpty()) {
            retired = true;
        }
        return retired;
    }

    private void noteArrival(long flushEveryNanos, int flushAfterEvents) {
        if (oldestNanos == 0) {
            oldestNanos = System.nanoTime();
        }
        this.flushEveryNanos = Math.min(this.flushEveryNanos, flushEveryNanos);
        this.flushAfterEvents = Math.min(this.flushAfterEvents, flushAfterEvents);
    }

    synchronized boolean pendingSnapshotMissing() {
        return snapshot == null;
    }

    synchronized void markUrgent() {
        urgent = true;
    }

    synchronized boolean isDue(long now) {
        if (isEmptyLocked() || now - retryAfterNanos < 0) {
            return false;
        }
        return urgent || events >= flushAfterEvents || now - oldestNanos >= flushEveryNanos;
    }

    synchronized boolean isEmpty() {
        return isEmptyLocked();
    }

    private boolean isEmptyLocked() {
        return appends.isEmpty() && snapshot == null;
    }

    synchronized Optional<CommandRecord> pendingCommand(String commandId) {
        return Optional.ofNullable(commands.get(commandId));
    }

    synchronized long oldestNanos() {
        return oldestNanos;
    }

    /** Takes everything out; the caller writes it and gives back what failed. Call holding {@link #flushing}. */
    synchronized Drained drain() {
        Drained drained = new Drained(List.copyOf(appends), snapshot, oldestNanos);
        appends.clear();
        snapshot = null;
        events = 0;
        oldestNanos = 0;
        urgent = false;
        flushEveryNanos = Long.MAX_VALUE;
        flushAfterEvents = Integer.MAX_VALUE;
        return drained;
    }

    /** Forgets the command ids of appends now in the store. */
    synchronized void written(List<AppendRequest> stored) {
        for (AppendRequest request : stored) {
            commands.remove(request.commandId());
        }
    }

    /**
     * Puts back what a flush could not write, ahead of anything that arrived since, so order holds; the
     * snapshot only if no newer one arrived.
     */
    synchronized void giveBack(List<AppendRequest> unwritten, Snapshot unsaved, long oldest, long retryAfter) {
        for (int i = unwritten.size() - 1; i >= 0; i--) {
            appends.addFirst(unwritten.get(i));
            events += unwritten.get(i).events().size();
        }
        if (unsaved != null && snapshot == null) {
            snapshot = unsaved;
        }
        oldestNanos = oldest;
        flushEveryNanos = 0;
        retryAfterNanos = retryAfter;
    }
}
