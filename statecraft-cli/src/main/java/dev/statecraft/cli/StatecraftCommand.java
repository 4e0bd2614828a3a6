package dev.statecraft.cli;

import dev.statecraft.GameNotFoundException;
import dev.statecraft.StatecraftException;
import dev.statecraft.store.GameAlreadyExistsException;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The {@code statecraft} command. */
@Command(name = "statecraft", mixinStandardHelpOptions = true, version = "statecraft 0.1.0-SNAPSHOT",
        description = "A game-state engine for the JVM.",
        subcommands = {ServeCommand.class, DemoCommand.class, GamesCommand.class, InspectCommand.class, EventsCommand.class,
                ExportCommand.class, ImportCommand.class, VerifyCommand.class})
public final class StatecraftCommand implements Runnable {
    /** Held so the level set on it lasts: java.util.logging keeps loggers weakly. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs the command line writing to {@code out} and {@code err}; used by tests. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = commandLine();
        line.setOut(out);
        line.setErr(err);
        try {
            return line.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static CommandLine commandLine() {
        // Flyway reports every schema check at INFO on stderr; a command line shows only what went wrong.
        FLYWAY_LOG.setLevel(Level.WARNING);
        return new CommandLine(new StatecraftCommand())
                .setExecutionExceptionHandler(StatecraftCommand::reportFailure)
                .setParameterExceptionHandler(StatecraftCommand::reportUsageError);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int reportFailure(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        err.println("statecraft " + command.getCommandName() + ": " + message(e));
        if (verbose(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode(e);
    }

    private static int reportUsageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("statecraft " + command.getCommandName() + ": " + e.getMessage());
        err.println("Try 'statecraft " + (command.getParent() == null ? "" : command.getCommandName() + " ") + "--help' for its options.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static int exitCode(Exception e) {
        return switch (e) {
            case CliException cli -> cli.exitCode();
            case GameNotFoundException notFound -> ExitCodes.NOT_FOUND;
            case GameAlreadyExistsException exists -> ExitCodes.ALREADY_EXISTS;
            case IllegalArgumentException badArgument -> ExitCodes.USAGE;
            case StatecraftException store -> ExitCodes.FAILURE;
            default -> ExitCodes.FAILURE;
        };
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult at = parsed; at != null; at = at.subcommand()) {
            if (at.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
