package dev.statecraft.cli;

import dev.statecraft.engine.Engine;
import dev.statecraft.engine.EngineBuilder;
import dev.statecraft.sqlite.SqliteStore;
import dev.statecraft.sqlite.SqliteStoreProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} and {@code --verbose} options every data command shares, and opening the store they name. */
final class DataFolder {

    @Option(names = "--data", paramLabel = "<folder>",
            description = "Data folder holding statecraft.db (default: data).")
    Path folder = EngineBuilder.DEFAULT_DATA_FOLDER;

    @Option(names = "--verbose", description = "Print the stack trace of an error.")
    boolean verbose;

    /** Opens the store of an existing data folder. */
    OpenStore openExisting() {
        Path file = folder.resolve(SqliteStoreProvider.FILE_NAME);
        if (!Files.isDirectory(folder)) {
            throw new CliException(ExitCodes.NOT_FOUND, "data folder " + folder + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCodes.NOT_FOUND, "data folder " + folder + " holds no " + SqliteStoreProvider.FILE_NAME);
        }
        return open(file);
    }

    /** Opens the store of the data folder, creating the folder and an empty store if needed. */
    OpenStore openOrCreate() {
        return open(folder.resolve(SqliteStoreProvider.FILE_NAME));
    }

    private static OpenStore open(Path file) {
        SqliteStore store = SqliteStore.open(file);
        try {
            // Read-only: commands here inspect a data folder (import writes through the store itself), and a
            // hybrid game leaving memory must not write a snapshot as a side effect of being read.
            return new OpenStore(store, Engine.builder().store(store).register(ExampleGames.types()).readOnly().build());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** A store and an engine over it, closed together. */
    record OpenStore(SqliteStore store, Engine engine) implements AutoCloseable {
        @Override
        public void close() {
            try {
                engine.close();
            } finally {
                store.close();
            }
        }
    }
}
