package dev.statecraft.cli;

import dev.statecraft.engine.Versioned;
import dev.statecraft.store.ArchivedGame;
import dev.statecraft.store.GameRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lists the active games of a data folder and, on request, the archived ones. */
@Command(name = "games", mixinStandardHelpOptions = true,
        description = "Lists the active games (id, type, version, phase, created) and, with --archived, the archived ones.")
final class GamesCommand implements Callable<Integer> {
    private static final int PAGE = 200;
    private static final String ACTIVE_ROW = "%-24s %-10s %8s  %-12s %s%n";
    private static final String ARCHIVED_ROW = "%-24s %-10s %8s  %-28s %s%n";

    @Mixin
    DataFolder data;

    @Option(names = "--archived", description = "Also list the archived games (id, type, outcome, final version, finished).")
    boolean archived;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (DataFolder.OpenStore opened = data.openExisting()) {
            out.printf(ACTIVE_ROW, "ID", "TYPE", "VERSION", "PHASE", "CREATED");
            int active = 0;
            for (List<GameRecord> page = opened.store().games().list("", PAGE); !page.isEmpty();
                 page = opened.store().games().list(page.getLast().gameId(), PAGE)) {
                for (GameRecord game : page) {
                    Versioned<Object> state = opened.engine().state(game.gameId());
                    out.printf(ACTIVE_ROW, game.gameId(), game.gameType(), state.version(), state.phase(), game.createdAt());
                    active++;
                }
            }
            out.println(active + " active game" + (active == 1 ? "" : "s"));
            if (archived) {
                out.println();
                out.printf(ARCHIVED_ROW, "ID", "TYPE", "VERSION", "FINISHED", "OUTCOME");
                int count = 0;
                for (List<ArchivedGame> page = opened.store().archive().listArchived("", PAGE); !page.isEmpty();
                     page = opened.store().archive().listArchived(page.getLast().gameId(), PAGE)) {
                    for (ArchivedGame game : page) {
                        out.printf(ARCHIVED_ROW, game.gameId(), game.gameType(), game.finalVersion(), game.finishedAt(), game.outcome());
                        count++;
                    }
                }
                out.println(count + " archived game" + (count == 1 ? "" : "s"));
            }
        }
        return ExitCodes.OK;
    }
}
