package dev.statecraft.sqlite;

import dev.statecraft.store.Store;
import dev.statecraft.store.StoreProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;

/** The default store: {@code statecraft.db} in the engine's data folder. */
public final class SqliteStoreProvider implements StoreProvider {
    public static final String FILE_NAME = "statecraft.db";

    @Override
    public Store open(Path dataFolder, MeterRegistry metrics) {
        return SqliteStore.open(dataFolder.resolve(FILE_NAME), SqliteOptions.defaults(), metrics);
    }
}
