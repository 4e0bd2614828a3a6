package dev.statecraft.cli;

import dev.statecraft.engine.RecordedEvent;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a game's events, one line each. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Prints a game's events, one per line: version, recorded at, command id, type, JSON payload.")
final class EventsCommand implements Callable<Integer> {

    @Mixin
    DataFolder data;

    @Parameters(index = "0", paramLabel = "<id>", description = "The game id.")
    String gameId;

    @Option(names = "--from", paramLabel = "N", description = "First version to print (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    long from;

    @Option(names = "--to", paramLabel = "N", description = "Last version to print (default: the last one).")
    long to = Long.MAX_VALUE;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (from < 1 || to < from) {
            throw new CliException(ExitCodes.USAGE, "expected 1 <= --from <= --to (was --from " + from + " --to " + to + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (DataFolder.OpenStore opened = data.openExisting()) {
            for (RecordedEvent e : opened.engine().events(gameId, from, to)) {
                out.println(e.version() + "\t" + e.recordedAt() + "\t" + e.commandId() + "\t" + e.event().getClass().getSimpleName()
                        + "\t" + PrettyJson.compact(e.event()));
            }
        }
        return ExitCodes.OK;
    }
}
