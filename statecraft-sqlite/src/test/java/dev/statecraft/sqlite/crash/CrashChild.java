package dev.statecraft.sqlite.crash;

import dev.statecraft.engine.Engine;
import dev.statecraft.sqlite.SqliteStore;
import dev.statecraft.store.GameRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process {@link CrashRecoveryTest} kills. It opens the store (recovering whatever the previous kill
 * left), reports {@code READY}, and plays random matches on several threads, reporting each
 * acknowledged command on standard output. The players first take up the games a killed predecessor
 * was playing: they resubmit the last stored command of a few of them (a retry across a restart must be
 * answered from the store) and finish the ones left open; then they start new matches. The child never
 * stops by itself; it waits to be killed.
 *
 * <p>Arguments: database file, policy ({@code durable} or {@code buffered}), seed.
 */
public final class CrashChild {
    static final int THREADS = 4;
    /** Far more than a child runs before it is killed; only keeps a forgotten child from filling the disk. */
    static final long COMMAND_BUDGET = 1_000_000;
    /** The most recently written games the players look at first. */
    static final int RECENT_GAMES = 64;
    /** Of those, how many get their last stored command resubmitted. */
    static final int RESTART_RETRIES = 8;

    private CrashChild() {
    }

    /** The games a killed predecessor touched last, handed out to the players one at a time. */
    record RecentGames(List<GameRecord> games, AtomicInteger next) {
        /** The index and id of the next recent game, or null once all are taken. */
        GameRecord take() {
            int i = next.getAndIncrement();
            return i < games.size() ? games.get(i) : null;
        }

        boolean isRetried(GameRecord game) {
            return games.indexOf(game) < RESTART_RETRIES;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: CrashChild <database file> <durable|buffered> <seed>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        CrashGame game = CrashGame.parse(args[1]);
        long seed = Long.parseLong(args[2]);
        exitWhenTheTestGoesAway();
        CrashReport report = new CrashReport();
        // Only the report may write to standard output; anything else a library prints goes to standard error.
        System.setOut(System.err);

        // Neither the store nor the engine is ever closed: the child ends by SIGKILL, which is the point.
        SqliteStore store = SqliteStore.open(file);
        Engine engine = Engine.builder().store(store).register(game.type()).seed(seed).options(CrashGame.engineOptions()).build();
        report.ready();

        RecentGames recent = new RecentGames(store.games().mostRecentlyActive(RECENT_GAMES), new AtomicInteger());
        AtomicLong budget = new AtomicLong(COMMAND_BUDGET);
        SplittableRandom random = new SplittableRandom(seed);
        String prefix = "s" + Long.toHexString(seed);
        for (int t = 0; t < THREADS; t++) {
            CrashPlayer player = new CrashPlayer(engine, game, report, recent, budget, prefix + "-t" + t, random.split());
            Thread.ofPlatform().name("crash-player-" + t).start(player);
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    /** The test holds the child's standard input open until it kills it; end of input means the test itself died. */
    private static void exitWhenTheTestGoesAway() {
        Thread.ofPlatform().daemon().name("crash-child-watchdog").start(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever sent; only the end of the input matters
                }
            } catch (IOException e) {
                // a broken input means the same as its end
            }
            Runtime.getRuntime().halt(3);
        });
    }
}
