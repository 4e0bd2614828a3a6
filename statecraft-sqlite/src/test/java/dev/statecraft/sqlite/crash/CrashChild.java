package dev.statecraft.sqlite.crash;

import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.RecordedEvent;
import dev.statecraft.engine.Versioned;
import dev.statecraft.examples.cards.CardCommand;
import dev.statecraft.examples.cards.CardPhase;
import dev.statecraft.examples.cards.CardState;
import dev.statecraft.rules.Actor;
import dev.statecraft.sqlite.SqliteStore;
import dev.statecraft.store.GameRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process {@link CrashRecoveryTest} kills: opens the store, reports {@code READY}, resubmits the last
 * stored command of a few recent games (a retry across a restart must be answered from the store), then
 * plays random matches on several threads, finishing those a killed predecessor left open first, and
 * reports each acknowledged command on standard output. It never stops by itself; it waits to be killed.
 *
 * <p>Arguments: database file, policy ({@code durable} or {@code buffered}), seed.
 */
public final class CrashChild {
    static final int THREADS = 4;
    /** Far more than a child runs before it is killed; only keeps a forgotten child from filling the disk. */
    static final long COMMAND_BUDGET = 1_000_000;
    private static final int RECENT_GAMES = 64;
    private static final int RESTART_RETRIES = 8;

    private CrashChild() {
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
        try {
            play(store, engine, game, report, seed);
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            report.violation("the crash child failed before its players started: " + e);
            throw e;
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void play(SqliteStore store, Engine engine, CrashGame game, CrashReport report, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String prefix = "s" + Long.toHexString(seed);
        Queue<String> unfinished = new ConcurrentLinkedQueue<>();
        List<GameRecord> recent = store.games().mostRecentlyActive(RECENT_GAMES);
        for (int i = 0; i < recent.size(); i++) {
            String gameId = recent.get(i).gameId();
            Versioned<CardState> state = engine.state(gameId, CardState.class);
            if (i < RESTART_RETRIES && state.version() > 0) {
                retryLastCommand(engine, report, state, prefix);
            }
            if (state.phase() != CardPhase.FINISHED) {
                unfinished.add(gameId);
            }
        }
        AtomicLong budget = new AtomicLong(COMMAND_BUDGET);
        for (int t = 0; t < THREADS; t++) {
            CrashPlayer player = new CrashPlayer(engine, game, report, unfinished, budget, prefix + "-t" + t, random.split());
            Thread.ofPlatform().name("crash-player-" + t).start(player);
        }
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

    /** Resubmits the command id of the game's last stored event with another command; the stored outcome must come back. */
    private static void retryLastCommand(Engine engine, CrashReport report, Versioned<CardState> state, String prefix) {
        String gameId = state.gameId();
        List<RecordedEvent> last = engine.events(gameId, state.version(), state.version());
        String commandId = last.getFirst().commandId();
        CommandResult result = engine.submit(gameId, CommandRequest.of(commandId, Actor.player(CrashMoves.ANN), new CardCommand.Draw()));
        long at = System.currentTimeMillis();
        if (result instanceof CommandResult.Accepted a) {
            report.ack(Ack.of(a, at, Ack.Kind.RESTART_RETRY));
        }
        Versioned<CardState> after = engine.state(gameId, CardState.class);
        if (!(result instanceof CommandResult.Accepted a && a.version() == state.version()) || !after.equals(state)) {
            report.violation(prefix + ": game " + gameId + ": resubmitting " + commandId + ", stored as the command of version " + state.version()
                    + ", was answered " + result + " and moved the game to version " + after.version());
        }
    }
}
