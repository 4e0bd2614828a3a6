package dev.statecraft.cli;

import dev.statecraft.engine.Engine;
import dev.statecraft.engine.Versioned;
import dev.statecraft.rules.Rules;
import dev.statecraft.rules.Seat;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a game's state, or one seat's view of it, now or at a past version or instant. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Prints a game's state (or a seat's view) as JSON with its version and phase; archived games too.")
final class InspectCommand implements Callable<Integer> {

    @Mixin
    DataFolder data;

    @Parameters(index = "0", paramLabel = "<id>", description = "The game id.")
    String gameId;

    @ArgGroup(exclusive = true)
    When when;

    @ArgGroup(exclusive = true)
    Who who;

    @Spec
    CommandSpec spec;

    static final class When {
        @Option(names = "--version", paramLabel = "N", description = "The state at version N.")
        Long version;

        @Option(names = "--at", paramLabel = "<instant>", converter = InstantConverter.class,
                description = "The state at an ISO-8601 instant (every event recorded at or before it).")
        Instant at;
    }

    static final class Who {
        @Option(names = "--seat", paramLabel = "<player>", description = "Only what this player may see.")
        String player;

        @Option(names = "--spectator", description = "Only what a spectator may see.")
        boolean spectator;

        Seat seat() {
            return spectator ? Seat.spectator() : Seat.player(player);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (DataFolder.OpenStore opened = data.openExisting()) {
            Engine engine = opened.engine();
            Versioned<Object> state = stateOf(engine);
            Optional<Seat> seat = Optional.ofNullable(who).map(Who::seat);
            Object shown = seat.map(s -> view(engine, state.value(), s)).orElse(state.value());
            out.println("game " + gameId + " (" + engine.typeOf(gameId).name() + ") version " + state.version()
                    + ", phase " + state.phase() + seat.map(s -> ", view of " + describe(s)).orElse(""));
            out.println(PrettyJson.of(shown));
        }
        return ExitCodes.OK;
    }

    private Versioned<Object> stateOf(Engine engine) {
        if (when == null) {
            return engine.state(gameId);
        }
        if (when.version != null) {
            if (when.version < 0) {
                throw new CliException(ExitCodes.USAGE, "--version must be >= 0 (was " + when.version + ")");
            }
            return engine.stateAt(gameId, when.version);
        }
        return engine.stateAt(gameId, when.at);
    }

    @SuppressWarnings("unchecked")
    private Object view(Engine engine, Object state, Seat seat) {
        return ((Rules<Object, ?, ?, ?>) engine.typeOf(gameId).rules()).view(state, seat);
    }

    private static String describe(Seat seat) {
        return switch (seat) {
            case Seat.Player p -> "player " + p.id();
            case Seat.Spectator s -> "a spectator";
        };
    }
}
