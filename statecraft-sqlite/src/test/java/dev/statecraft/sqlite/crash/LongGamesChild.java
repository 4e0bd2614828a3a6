package dev.statecraft.sqlite.crash;

import dev.statecraft.sqlite.SqliteStore;
import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.NewEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The process {@link CommandRunsCrashTest} kills: it opens the store (recovering what the previous kill left), reports
 * {@code READY}, and appends one-event commands to a few long games, a thread each, through the store's event log
 * (durable), reporting each append that returned. Command ids are random UUIDs, so each move's records spread over the
 * whole id range of its game's runs. It never stops by itself.
 *
 * <p>Arguments: database file, number of games, seed.
 */
public final class LongGamesChild {
    private LongGamesChild() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: LongGamesChild <database file> <games> <seed>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int games = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        CrashReport report = new CrashReport();
        System.setOut(System.err); // only the report writes to standard output
        SqliteStore store = SqliteStore.open(file); // never closed: the child ends by SIGKILL
        report.ready();
        for (int g = 0; g < games; g++) {
            String gameId = "long-" + g;
            SplittableRandom random = new SplittableRandom(seed + g);
            Thread.ofPlatform().name(gameId).start(() -> {
                long version = store.events().lastVersion(gameId);
                while (true) {
                    String commandId = new UUID(random.nextLong(), random.nextLong()).toString();
                    version = store.events().append(new AppendRequest(gameId, version, commandId, Instant.now(),
                            List.of(new NewEvent("Tick", 1, "{}".getBytes()))));
                    report.appended(gameId, commandId, version);
                }
            });
        }
    }
}
