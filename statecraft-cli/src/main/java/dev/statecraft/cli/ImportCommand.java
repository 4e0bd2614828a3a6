package dev.statecraft.cli;

import dev.statecraft.StatecraftException;
import dev.statecraft.codec.CodecException;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.Versioned;
import dev.statecraft.persistence.ReplayBundle;
import dev.statecraft.store.AppendRequest;
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
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Registers a game from a replay bundle and appends its events, one append per command, as they were recorded. */
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
            if (store.games().find(header.gameId()).isPresent() || store.archive().findArchived(header.gameId()).isPresent()) {
                throw new CliException(ExitCodes.ALREADY_EXISTS, "game " + header.gameId() + " already exists in " + data.folder
                        + "; nothing was imported");
            }
            GameRecord record = new GameRecord(header.gameId(), header.gameType(), header.setup(), header.createdAt());
            checkReplays(record, bundle.events());
            store.games().register(record);
            append(store, bundle.events());
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
     * Replays the bundle into a scratch in-memory store first: a bundle whose events do not decode or do not
     * fold through the game's rules is refused before anything is written to the data folder.
     */
    private void checkReplays(GameRecord record, List<StoredEvent> events) {
        try (InMemoryStore scratch = InMemoryStore.create();
             Engine engine = Engine.builder().store(scratch).register(ExampleGames.types()).readOnly().build()) {
            scratch.games().register(record);
            appendByCommand(scratch, events, appended -> { });
            engine.state(record.gameId());
        } catch (StatecraftException e) {
            throw new CliException(ExitCodes.FAILURE, file + ": game " + record.gameId() + " does not replay, so nothing was imported: "
                    + e.getMessage());
        }
    }

    private void append(Store store, List<StoredEvent> events) {
        ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), "importing", events.size());
        appendByCommand(store, events, progress::advance);
        progress.finish();
    }

    /** Appends the events of each command together, at the version and instant they were first recorded. */
    private static void appendByCommand(Store store, List<StoredEvent> events, IntConsumer appended) {
        List<StoredEvent> command = new ArrayList<>();
        for (StoredEvent event : events) {
            if (!command.isEmpty() && !command.getFirst().commandId().equals(event.commandId())) {
                appendCommand(store, command);
                appended.accept(command.size());
                command.clear();
            }
            command.add(event);
        }
        if (!command.isEmpty()) {
            appendCommand(store, command);
            appended.accept(command.size());
        }
    }

    private static void appendCommand(Store store, List<StoredEvent> command) {
        StoredEvent first = command.getFirst();
        List<NewEvent> events = command.stream().map(e -> new NewEvent(e.type(), e.schemaVersion(), e.payload())).toList();
        store.events().append(new AppendRequest(first.gameId(), first.version() - 1, first.commandId(), first.recordedAt(), events));
    }
}
