package dev.statecraft.sqlite.durability;

import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.Archive;
import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.EventLog;
import dev.statecraft.store.GameCatalog;
import dev.statecraft.store.GameImport;
import dev.statecraft.store.SnapshotStore;
import dev.statecraft.store.Store;
import dev.statecraft.store.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** A real store whose asynchronous appends for one game hang until released, as a store that has stopped answering would. */
final class StallingStore implements Store {
    private final Store delegate;
    private final String stalledGame;
    private final CountDownLatch released = new CountDownLatch(1);

    StallingStore(Store delegate, String stalledGame) {
        this.delegate = delegate;
        this.stalledGame = stalledGame;
    }

    void release() {
        released.countDown();
    }

    @Override
    public GameCatalog games() {
        return delegate.games();
    }

    @Override
    public EventLog events() {
        EventLog log = delegate.events();
        return new EventLog() {
            @Override
            public long append(AppendRequest request) {
                return log.append(request);
            }

            @Override
            public CompletableFuture<Long> appendAsync(AppendRequest request) {
                if (!request.gameId().equals(stalledGame)) {
                    return log.appendAsync(request);
                }
                return CompletableFuture.supplyAsync(() -> {
                    try {
                        released.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return log.append(request);
                });
            }

            @Override
            public List<StoredEvent> read(String gameId, long fromVersion, long toVersion) {
                return log.read(gameId, fromVersion, toVersion);
            }

            @Override
            public List<StoredEvent> readUpTo(String gameId, Instant instant) {
                return log.readUpTo(gameId, instant);
            }

            @Override
            public long lastVersion(String gameId) {
                return log.lastVersion(gameId);
            }

            @Override
            public Optional<CommandRecord> findCommand(String gameId, String commandId) {
                return log.findCommand(gameId, commandId);
            }
        };
    }

    @Override
    public SnapshotStore snapshots() {
        return delegate.snapshots();
    }

    @Override
    public Archive archive() {
        return delegate.archive();
    }

    @Override
    public void importGame(GameImport game) {
        delegate.importGame(game);
    }

    @Override
    public String describe() {
        return "stalling " + delegate.describe();
    }

    @Override
    public void close() {
        release();
    }
}
