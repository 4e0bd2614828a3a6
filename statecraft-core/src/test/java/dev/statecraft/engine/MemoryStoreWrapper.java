package dev.statecraft.engine;

import dev.statecraft.store.Archive;
import dev.statecraft.store.EventLog;
import dev.statecraft.store.GameCatalog;
import dev.statecraft.store.GameImport;
import dev.statecraft.store.SnapshotStore;
import dev.statecraft.store.Store;
import dev.statecraft.store.memory.InMemoryStore;

/** An in-memory store for tests that change one part of it: override {@link #events} or {@link #snapshots}. */
abstract class MemoryStoreWrapper implements Store {
    protected final InMemoryStore store = InMemoryStore.create();

    @Override
    public GameCatalog games() {
        return store.games();
    }

    @Override
    public EventLog events() {
        return store.events();
    }

    @Override
    public SnapshotStore snapshots() {
        return store.snapshots();
    }

    @Override
    public Archive archive() {
        return store.archive();
    }

    @Override
    public void importGame(GameImport game) {
        store.importGame(game);
    }

    @Override
    public void close() {
        store.close();
    }
}
