package dev.statecraft.sqlite;

import dev.statecraft.store.Store;
import dev.statecraft.testkit.StoreConformanceSuite;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreConformanceTest extends StoreConformanceSuite {
    @TempDir
    Path folder;

    @Override
    protected Store openEmptyStore() {
        return SqliteStore.open(folder.resolve("conformance.db"));
    }
}
