package dev.statecraft.cli;

import dev.statecraft.GameNotFoundException;
import dev.statecraft.persistence.ReplayBundle;
import dev.statecraft.store.ArchivedGame;
import dev.statecraft.store.GameRecord;
import dev.statecraft.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes a game's whole history as a replay bundle file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes a game's replay bundle (header and every event, zstd-compressed JSON lines) to a file.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    DataFolder data;

    @Parameters(index = "0", paramLabel = "<id>", description = "The game id.")
    String gameId;

    @Option(names = "--out", paramLabel = "<file>", required = true, description = "The file to write.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (DataFolder.OpenStore opened = data.openExisting()) {
            byte[] bundle = bundleOf(opened.store());
            write(bundle);
            out.println("exported game " + gameId + " (" + ReplayBundle.fromBytes(bundle).events().size() + " events) to " + file);
        }
        return ExitCodes.OK;
    }

    private byte[] bundleOf(Store store) {
        Optional<GameRecord> active = store.games().find(gameId);
        if (active.isPresent()) {
            GameRecord game = active.get();
            return ReplayBundle.of(game.gameId(), game.gameType(), game.setup(), game.createdAt(),
                    store.events().read(gameId, 1, Long.MAX_VALUE)).toBytes();
        }
        return store.archive().findArchived(gameId).map(ArchivedGame::replayBundle)
                .orElseThrow(() -> new GameNotFoundException(gameId));
    }

    private void write(byte[] bundle) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bundle);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot write " + file + ": " + e.getMessage());
        }
    }
}
