package dev.statecraft.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code statecraft} command. */
@Command(name = "statecraft", mixinStandardHelpOptions = true, version = "statecraft 0.1.0-SNAPSHOT",
        description = "A game-state engine for the JVM.",
        subcommands = {DemoCommand.class})
public final class StatecraftCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; used by tests. */
    public static int run(String... args) {
        return new CommandLine(new StatecraftCommand()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
