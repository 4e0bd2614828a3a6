package dev.statecraft.cli;

import dev.statecraft.StatecraftException;
import dev.statecraft.codec.CodecException;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.Versioned;
import dev.statecraft.persistence.ReplayBundle;
import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.GameAlreadyExistsException;
import dev.statecraft.store.GameImport;
import dev.statecraft.store.GameRecord;
import dev.statecraft.store.NewEvent;
import dev.statecraft.store.Store;
import dev.statecraft.store.StoredEvent;
import dev.statecraft.store.memory.InMemoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Registers a game from a replay bundle with its events, one append per command as they were recorded, in one
 * write of the store ({@link Store#importGame}): an import that fails leaves nothing behind.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports a replay bundle written by export as an active game, then checks that it replays.")
final class ImportCommand implements Callable<Integer> {

    @Mixin
    DataFolder data;

    @Parameters(index = "0", paramLabel = "<file>", description = "A replay bundle file.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReplayBundle bundle = read();
        ReplayBundle.Header header = bundle.header();
        try (DataFolder.OpenStore opened = data.openOrCreate()) {
            Store store = opened.store();
            if (opened.engine().gameType(header.gameType()).isEmpty()) {
                throw new CliException(ExitCodes.FAILURE, "game " + header.gameId() + ": unknown game type " + header.gameType());
            }
            GameImport game = gameImport(header, bundle.events());
            checkReplays(game);
            spec.commandLine().getErr().printf("importing %,d events in one transaction%n", bundle.events().size());
            try {
                store.importGame(game);
            } catch (GameAlreadyExistsException e) {
                throw new CliException(ExitCodes.ALREADY_EXISTS, "game " + header.gameId() + " already exists in " + data.folder
                        + " (active or archived); nothing was imported");
            }
            Versioned<Object> state = opened.engine().state(header.gameId());
            spec.commandLine().getOut().println("imported game " + header.gameId() + " (" + header.gameType() + ", "
                    + bundle.events().size() + " events): version " + state.version() + ", phase " + state.phase());
        }
        return ExitCodes.OK;
    }

    private ReplayBundle read() {
        try {
            return ReplayBundle.fromBytes(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.NOT_FOUND, "file " + file + " does not exist");
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot read " + file + ": " + e.getMessage());
        } catch (CodecException e) {
            throw new CliException(ExitCodes.FAILURE, file + ": " + e.getMessage());
        }
    }

    /**
     * The bundle's events as one append per command, at the versions and instants they were first recorded; refuses,
     * naming the file, a bundle that no store may hold (appends out of order, ids that are not well-formed).
     */
    private GameImport gameImport(ReplayBundle.Header header, List<StoredEvent> events) {
        try {
            GameRecord record = new GameRecord(header.gameId(), header.gameType(), header.setup(), header.createdAt());
            List<AppendRequest> history = new ArrayList<>();
            List<StoredEvent> command = new ArrayList<>();
            for (StoredEvent event : events) {
                if (!command.isEmpty() && !command.getFirst().commandId().equals(event.commandId())) {
                    history.add(appendOf(command));
                    command.clear();
                }
                command.add(event);
            }
            if (!command.isEmpty()) {
                history.add(appendOf(command));
            }
            return new GameImport(record, history);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.FAILURE, file + ": " + e.getMessage() + "; nothing was imported");
        }
    }

    private static AppendRequest appendOf(List<StoredEvent> command) {
        StoredEvent first = command.getFirst();
        List<NewEvent> events = command.stream().map(e -> new NewEvent(e.type(), e.schemaVersion(), e.payload())).toList();
        return new AppendRequest(first.gameId(), first.version() - 1, first.commandId(), first.recordedAt(), events);
    }

    /**
     * Replays the bundle into a scratch in-memory store first: a bundle whose events do not decode or do not
     * fold through the game's rules is refused before anything is written to the data folder.
     */
    private void checkReplays(GameImport game) {
        try (InMemoryStore scratch = InMemoryStore.create();
             Engine engine = Engine.builder().store(scratch).register(ExampleGames.types()).readOnly().build()) {
            scratch.importGame(game);
            engine.state(game.gameId());
        } catch (StatecraftException e) {
            throw new CliException(ExitCodes.FAILURE, file + ": game " + game.gameId() + " does not replay, so nothing was imported: "
                    + e.getMessage());
        }
    }
}
