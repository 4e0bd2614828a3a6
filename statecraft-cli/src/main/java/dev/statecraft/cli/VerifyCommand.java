package dev.statecraft.cli;

import dev.statecraft.codec.JsonCodec;
import dev.statecraft.engine.Engine;
import dev.statecraft.persistence.DamagedSnapshotException;
import dev.statecraft.persistence.SnapshotCodec;
import dev.statecraft.persistence.Strategy;
import dev.statecraft.rules.GameType;
import dev.statecraft.store.GameRecord;
import dev.statecraft.store.Snapshot;
import dev.statecraft.store.Store;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Replays every active game and compares the state reached with its latest stored snapshot. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Replays every active game from its events and compares the state with its latest snapshot. "
                + "Exits with 1 if any snapshot is damaged or does not match.")
final class VerifyCommand implements Callable<Integer> {
    private static final int PAGE = 200;

    @Mixin
    DataFolder data;

    @Spec
    CommandSpec spec;

    private enum Outcome { OK, MISMATCH, DAMAGED }

    private record Verdict(Outcome outcome, String detail) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (DataFolder.OpenStore opened = data.openExisting()) {
            List<GameRecord> games = allGames(opened.store());
            ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), "verifying", games.size());
            List<String> lines = new ArrayList<>();
            int[] counts = new int[Outcome.values().length];
            for (GameRecord game : games) {
                Verdict verdict = verifyOrExplain(opened.engine(), opened.store(), game);
                counts[verdict.outcome().ordinal()]++;
                lines.add(String.format("%-24s %-8s %s", game.gameId(), label(verdict.outcome()), verdict.detail()));
                progress.advance(1);
            }
            progress.finish();
            lines.forEach(out::println);
            out.println(games.size() + " game" + (games.size() == 1 ? "" : "s") + " verified: " + counts[Outcome.OK.ordinal()] + " ok, "
                    + counts[Outcome.MISMATCH.ordinal()] + " mismatched, " + counts[Outcome.DAMAGED.ordinal()] + " with a damaged snapshot");
            return counts[Outcome.OK.ordinal()] == games.size() ? ExitCodes.OK : ExitCodes.MISMATCH;
        }
    }

    private static List<GameRecord> allGames(Store store) {
        List<GameRecord> games = new ArrayList<>();
        for (List<GameRecord> page = store.games().list("", PAGE); !page.isEmpty(); page = store.games().list(page.getLast().gameId(), PAGE)) {
            games.addAll(page);
        }
        return games;
    }

    /** A game whose history cannot be replayed is reported on its line; the other games are still verified. */
    private static Verdict verifyOrExplain(Engine engine, Store store, GameRecord game) {
        try {
            return verify(engine, store, game);
        } catch (RuntimeException e) {
            return new Verdict(Outcome.MISMATCH, "cannot replay: " + e.getMessage());
        }
    }

    private static Verdict verify(Engine engine, Store store, GameRecord game) {
        Optional<GameType<?, ?, ?, ?>> found = engine.gameType(game.gameType());
        if (found.isEmpty()) {
            return new Verdict(Outcome.MISMATCH, "unknown game type " + game.gameType());
        }
        GameType<?, ?, ?, ?> type = found.get();
        long lastVersion = store.events().lastVersion(game.gameId());
        Optional<Snapshot> latest = store.snapshots().latest(game.gameId());
        if (latest.isEmpty()) {
            engine.stateAt(game.gameId(), lastVersion);
            return new Verdict(Outcome.OK, "no snapshot; replayed " + lastVersion + " events");
        }
        Snapshot snapshot = latest.get();
        Object stored;
        try {
            stored = SnapshotCodec.decode(snapshot, type.stateType(), type.stateSchemaVersion());
        } catch (DamagedSnapshotException e) {
            return new Verdict(Outcome.DAMAGED, e.getMessage());
        }
        if (type.persistence().strategy() == Strategy.SNAPSHOTS_ONLY) {
            return new Verdict(Outcome.OK, "snapshot at version " + snapshot.version() + " reads (snapshots only: no events to replay)");
        }
        if (snapshot.version() > lastVersion) {
            return new Verdict(Outcome.MISMATCH, "snapshot at version " + snapshot.version() + " is ahead of the event log (last version "
                    + lastVersion + ")");
        }
        Object replayed = engine.stateAt(game.gameId(), snapshot.version()).value();
        JsonCodec json = JsonCodec.json();
        if (!json.tree(replayed).equals(json.tree(stored))) {
            return new Verdict(Outcome.MISMATCH, "snapshot at version " + snapshot.version() + " differs from the state replayed from events");
        }
        return new Verdict(Outcome.OK, "snapshot at version " + snapshot.version() + " matches the replay (" + lastVersion + " events)");
    }

    private static String label(Outcome outcome) {
        return switch (outcome) {
            case OK -> "ok";
            case MISMATCH -> "MISMATCH";
            case DAMAGED -> "DAMAGED";
        };
    }
}
