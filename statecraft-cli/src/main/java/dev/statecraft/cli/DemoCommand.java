package dev.statecraft.cli;

import dev.statecraft.engine.Engine;
import dev.statecraft.examples.cards.ScriptedCardMatch;
import dev.statecraft.examples.world.ScriptedWorldSession;
import dev.statecraft.store.memory.InMemoryStore;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Plays a scripted card match and a scripted world session through the engine and prints them. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Plays a scripted match of each example game through the engine and prints it.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--seed", description = "Seed for the engine's random generators (default: ${DEFAULT-VALUE}).", defaultValue = "2026")
    long seed;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        try (InMemoryStore store = InMemoryStore.create();
             Engine engine = Engine.builder().store(store).register(ExampleGames.types()).seed(seed).build()) {
            out.println("== Card match (cards) ==");
            ScriptedCardMatch.play(engine, "demo-match", out);
            out.println();
            out.println("== World session (world) ==");
            ScriptedWorldSession.play(engine, "demo-zone", out);
            out.println();
            out.println("Both games ran through the engine: " + engine.state("demo-match").version() + " card events and "
                    + engine.state("demo-zone").version() + " world events were appended to the in-memory store.");
        }
        return 0;
    }
}
