package dev.statecraft.engine;

import dev.statecraft.StatecraftException;
import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.DuplicateCommandException;
import dev.statecraft.store.NewEvent;
import dev.statecraft.store.Snapshot;
import dev.statecraft.store.Store;
import dev.statecraft.store.StoreException;
import dev.statecraft.store.StoredEvent;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The write-behind buffer: accepted commands of buffered games, and snapshots, waiting for the store.
 * It is bounded by {@code capacity} events; a command that cannot get room within {@code maxWait} is
 * refused before it is applied. One thread, {@code statecraft-flusher}, writes what is due, all games
 * at once so the store can commit them together; a game can also be flushed on demand.
 */
final class WriteBehind implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WriteBehind.class.getName());
    private static final long TICK_MILLIS = 5;
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Store store;
    private final int capacity;
    private final Duration maxWait;
    private final EngineMetrics metrics;
    private final Semaphore room;
    private final ConcurrentHashMap<String, GameBuffer> buffers = new ConcurrentHashMap<>();
    private final Thread flusher;
    private volatile boolean closed;

    WriteBehind(Store store, int capacity, Duration maxWait, EngineMetrics metrics) {
        this.store = store;
        this.capacity = capacity;
        this.maxWait = maxWait;
        this.metrics = metrics;
        this.room = new Semaphore(capacity);
        this.flusher = Thread.ofPlatform().daemon().name("statecraft-flusher").start(this::flushDueBuffers);
    }

    /** Queues a buffered command's events; refuses it if there is no room within the wait limit. */
    void append(AppendRequest request, Duration flushEvery, int flushAfterEvents) {
        reserve(request.gameId(), request.events().size());
        while (!buffer(request.gameId()).add(request, flushEvery.toNanos(), flushAfterEvents)) {
            Thread.onSpinWait();
        }
    }

    /** Queues {@code snapshot} as its game's latest, waiting for room if needed; an older pending one is dropped. */
    void snapshot(Snapshot snapshot, Duration flushEvery) {
        reserve(snapshot.gameId(), 1);
        while (true) {
            GameBuffer buffer = buffer(snapshot.gameId());
            synchronized (buffer) {
                if (buffer.isRetired()) {
                    continue;
                }
                boolean replacing = !buffer.pendingSnapshotMissing();
                buffer.replaceSnapshot(snapshot, flushEvery.toNanos());
                if (replacing) {
                    room.release(1);
                }
                return;
            }
        }
    }

    /** Queues a snapshot that only speeds up loading, if there is room now; false if it was skipped. */
    boolean offerSnapshot(Snapshot snapshot, Duration flushEvery) {
        while (true) {
            GameBuffer buffer = buffer(snapshot.gameId());
            synchronized (buffer) {
                if (buffer.isRetired()) {
                    continue;
                }
                if (buffer.pendingSnapshotMissing() && !room.tryAcquire()) {
                    return false;
                }
                buffer.replaceSnapshot(snapshot, flushEvery.toNanos());
                return true;
            }
        }
    }

    Optional<CommandRecord> pendingCommand(String gameId, String commandId) {
        GameBuffer buffer = buffers.get(gameId);
        return buffer == null ? Optional.empty() : buffer.pendingCommand(commandId);
    }

    void flushSoon(String gameId) {
        GameBuffer buffer = buffers.get(gameId);
        if (buffer != null) {
            buffer.markUrgent();
        }
    }

    /**
     * Writes everything pending for {@code gameId} now, and returns only once no earlier flush of the game
     * is still writing: a buffer the flusher has just drained looks empty while its writes are on their
     * way, and a caller that went on (a durable append, an archive) would overtake them.
     *
     * @throws StoreException if the store refused it; nothing is lost
     */
    void flush(String gameId) {
        GameBuffer buffer = buffers.get(gameId);
        if (buffer != null && (!buffer.isEmpty() || buffer.flushing.isLocked())) {
            flush(List.of(buffer), true).values().stream().findFirst().ifPresent(failure -> {
                throw failure;
            });
        }
    }

    /** Writes everything pending now. @throws StoreException naming the games that could not be written */
    void flushAll() {
        Map<String, StoreException> failures = flush(List.copyOf(buffers.values()), true);
        if (!failures.isEmpty()) {
            throw new StoreException("write-behind: " + failures.size() + " games could not be flushed, first "
                    + failures.values().iterator().next().getMessage(), failures.values().iterator().next());
        }
    }

    int dirtyGames() {
        return (int) buffers.values().stream().filter(b -> !b.isEmpty()).count();
    }

    int pendingWrites() {
        return capacity - room.availablePermits();
    }

    private void reserve(String gameId, int count) {
        if (count > capacity) {
            throw new BufferFullException("game " + gameId + ": one command of " + count + " events exceeds the write-behind capacity of "
                    + capacity + " events; the command was not applied");
        }
        boolean reserved;
        try {
            reserved = room.tryAcquire(count, maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BufferFullException("game " + gameId + ": interrupted while waiting for room in the write-behind buffer; the command was not applied");
        }
        if (!reserved) {
            throw new BufferFullException("game " + gameId + ": the write-behind buffer stayed full (" + capacity + " writes waiting for the store) for "
                    + maxWait.toMillis() + " ms; the command was not applied");
        }
    }

    private GameBuffer buffer(String gameId) {
        return buffers.computeIfAbsent(gameId, GameBuffer::new);
    }

    private void flushDueBuffers() {
        while (!closed) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            List<GameBuffer> due = buffers.values().stream().filter(b -> b.isDue(now)).toList();
            if (!due.isEmpty()) {
                flush(due, false).forEach((gameId, failure) ->
                        LOG.log(Level.WARNING, "game " + gameId + ": write-behind flush failed, retrying in 1 s: " + failure.getMessage()));
            }
        }
    }

    /**
     * Writes the buffers' contents: every game's appends started together, then the snapshots of games
     * whose appends all succeeded. What fails goes back into its buffer, in order.
     */
    private Map<String, StoreException> flush(Collection<GameBuffer> candidates, boolean wait) {
        List<GameBuffer> locked = new ArrayList<>();
        Map<String, StoreException> failures = new LinkedHashMap<>();
        try {
            for (GameBuffer b : candidates) {
                if (wait) {
                    b.flushing.lock();
                    locked.add(b);
                } else if (b.flushing.tryLock()) {
                    locked.add(b);
                }
            }
            Map<GameBuffer, GameBuffer.Drained> drained = new LinkedHashMap<>();
            Map<GameBuffer, List<CompletableFuture<Long>>> appends = new LinkedHashMap<>();
            for (GameBuffer b : locked) {
                GameBuffer.Drained d = b.drain();
                if (d.isEmpty()) {
                    continue;
                }
                drained.put(b, d);
                appends.put(b, d.appends().stream().map(store.events()::appendAsync).toList());
            }
            Map<GameBuffer, CompletableFuture<Void>> snapshots = new LinkedHashMap<>();
            for (Map.Entry<GameBuffer, GameBuffer.Drained> entry : drained.entrySet()) {
                GameBuffer b = entry.getKey();
                GameBuffer.Drained d = entry.getValue();
                int written = countWritten(d.appends(), appends.get(b));
                List<AppendRequest> stored = d.appends().subList(0, written);
                b.written(stored);
                room.release(stored.stream().mapToInt(r -> r.events().size()).sum());
                if (written < d.appends().size()) {
                    StoreException failure = failureOf(appends.get(b).get(written), b.gameId);
                    failures.put(b.gameId, failure);
                    giveBack(b, d.appends().subList(written, d.appends().size()), d.snapshot(), d.oldestNanos());
                } else if (d.snapshot() != null) {
                    snapshots.put(b, store.snapshots().saveAsync(d.snapshot()));
                } else {
                    metrics.flushed(System.nanoTime() - d.oldestNanos());
                }
            }
            for (Map.Entry<GameBuffer, CompletableFuture<Void>> entry : snapshots.entrySet()) {
                GameBuffer b = entry.getKey();
                GameBuffer.Drained d = drained.get(b);
                try {
                    entry.getValue().join();
                    room.release(1);
                    metrics.flushed(System.nanoTime() - d.oldestNanos());
                } catch (CompletionException e) {
                    failures.put(b.gameId, failureOf(entry.getValue(), b.gameId));
                    giveBack(b, List.of(), d.snapshot(), d.oldestNanos());
                }
            }
        } finally {
            for (GameBuffer b : locked) {
                if (b.retireIfEmpty()) {
                    buffers.remove(b.gameId, b);
                }
                b.flushing.unlock();
            }
        }
        return failures;
    }

    private void giveBack(GameBuffer b, List<AppendRequest> unwritten, Snapshot unsaved, long oldest) {
        synchronized (b) {
            boolean snapshotKept = unsaved != null && b.pendingSnapshotMissing();
            b.giveBack(unwritten, snapshotKept ? unsaved : null, oldest, System.nanoTime() + RETRY_NANOS);
            if (unsaved != null && !snapshotKept) {
                room.release(1);
            }
        }
    }

    /**
     * How many of {@code requests}, in order, the store holds once {@code futures} (their appends) are done: up to the
     * first that failed, unless it was refused only because the store holds that very append already. So a retry
     * finds a write whose commit reported a failure after storing it (a commit can fail after its sync), which would
     * otherwise be retried, and refused, for ever.
     */
    private int countWritten(List<AppendRequest> requests, List<CompletableFuture<Long>> futures) {
        int written = 0;
        for (CompletableFuture<Long> f : futures) {
            try {
                f.join();
            } catch (CompletionException e) {
                boolean storedAlready = e.getCause() instanceof DuplicateCommandException duplicate && isStored(duplicate.original(), requests.get(written));
                if (!storedAlready) {
                    break;
                }
                LOG.log(Level.WARNING, "game " + requests.get(written).gameId() + ": command " + requests.get(written).commandId()
                        + " was stored by a flush that was told it failed; counted as written");
            }
            written++;
        }
        for (int i = written; i < futures.size(); i++) {
            futures.get(i).exceptionally(e -> null).join();
        }
        return written;
    }

    /**
     * True if {@code stored}, the record a duplicate refusal named, is {@code request} itself: the same game, command id
     * and versions, and the same events (type, schema version, payload). Another engine sharing the store could have
     * written the same command id at the same versions with other events; that is a failure, not this write.
     */
    private boolean isStored(CommandRecord stored, AppendRequest request) {
        if (!stored.gameId().equals(request.gameId()) || !stored.commandId().equals(request.commandId())
                || stored.firstVersion() != request.expectedVersion() + 1 || stored.lastVersion() != request.lastVersion()) {
            return false;
        }
        List<StoredEvent> events;
        try {
            events = store.events().read(request.gameId(), stored.firstVersion(), stored.lastVersion());
        } catch (StoreException e) {
            return false; // tried again with the rest
        }
        if (events.size() != request.events().size()) {
            return false;
        }
        for (int i = 0; i < events.size(); i++) {
            NewEvent written = request.events().get(i);
            StoredEvent found = events.get(i);
            if (!written.type().equals(found.type()) || written.schemaVersion() != found.schemaVersion() || !Arrays.equals(written.payload(), found.payload())) {
                return false;
            }
        }
        return true;
    }

    private static StoreException failureOf(CompletableFuture<?> future, String gameId) {
        try {
            future.join();
            throw new IllegalStateException("game " + gameId + ": expected a failed write");
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreException se) {
                return se;
            }
            String message = cause instanceof StatecraftException ? cause.getMessage() : String.valueOf(cause);
            return new StoreException("game " + gameId + ": write-behind flush failed: " + message, cause);
        }
    }

    /**
     * Stops the flusher and writes everything still pending, waiting at most {@code timeout} for a store
     * that has stopped answering.
     *
     * @throws StoreException if some writes could not be made; they are lost if the process exits
     */
    void close(Duration timeout) {
        closed = true;
        flusher.interrupt();
        CompletableFuture<Void> finalFlush = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("statecraft-final-flush").start(() -> {
            try {
                flusher.join();
                flushAll();
                finalFlush.complete(null);
            } catch (InterruptedException e) {
                finalFlush.completeExceptionally(e);
            } catch (RuntimeException e) {
                finalFlush.completeExceptionally(e);
            }
        });
        try {
            finalFlush.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StoreException("write-behind: " + pendingWrites() + " writes of " + dirtyGames() + " games were not flushed within "
                    + timeout.toSeconds() + " s at shutdown because the store did not answer; they are lost if the process exits");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StoreException se ? se : new StoreException("write-behind: final flush failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("write-behind: interrupted during the final flush; " + pendingWrites() + " writes may not be stored");
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
