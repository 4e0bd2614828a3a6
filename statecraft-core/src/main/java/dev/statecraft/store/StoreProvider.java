package dev.statecraft.store;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;

/**
 * Opens the default store of an engine built without one. Found with {@link java.util.ServiceLoader};
 * statecraft-sqlite provides SQLite in the data folder.
 */
public interface StoreProvider {

    /** Opens (creating if needed) a store that keeps its files in {@code dataFolder} and reports to {@code metrics}. */
    Store open(Path dataFolder, MeterRegistry metrics);
}
