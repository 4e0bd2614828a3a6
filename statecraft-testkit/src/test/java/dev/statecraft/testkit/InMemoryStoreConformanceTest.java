package dev.statecraft.testkit;

import dev.statecraft.store.Store;
import dev.statecraft.store.memory.InMemoryStore;

class InMemoryStoreConformanceTest extends StoreConformanceSuite {
    @Override
    protected Store openEmptyStore() {
        return InMemoryStore.create();
    }
}
