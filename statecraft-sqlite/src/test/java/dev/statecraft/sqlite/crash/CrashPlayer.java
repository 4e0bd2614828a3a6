package dev.statecraft.sqlite.crash;

import dev.statecraft.engine.BufferFullException;
import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.RecordedEvent;
import dev.statecraft.engine.Versioned;
import dev.statecraft.examples.cards.CardCommand;
import dev.statecraft.examples.cards.CardPhase;
import dev.statecraft.examples.cards.CardSettings;
import dev.statecraft.examples.cards.CardState;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Setup;
import dev.statecraft.store.GameRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One thread of the crash child: plays matches one after another, first the recent games a killed
 * predecessor left (resubmitting the last stored command of some, finishing those still open), then
 * new ones, and reports every accepted command. Now and then it resubmits a command id the match
 * already had accepted; the engine must answer with the first outcome and apply nothing. It stops when
 * the child's command budget is spent.
 */
final class CrashPlayer implements Runnable {
    private static final int MAX_COMMANDS_PER_MATCH = 2_000;

    private final Engine engine;
    private final CrashGame game;
    private final CrashReport report;
    private final CrashChild.RecentGames recent;
    private final AtomicLong budget;
    private final String name;
    private final SplittableRandom random;
    private long commands;
    private int matches;

    CrashPlayer(Engine engine, CrashGame game, CrashReport report, CrashChild.RecentGames recent, AtomicLong budget, String name,
                SplittableRandom random) {
        this.engine = engine;
        this.game = game;
        this.report = report;
        this.recent = recent;
        this.budget = budget;
        this.name = name;
        this.random = random;
    }

    @Override
    public void run() {
        try {
            for (GameRecord earlier = recent.take(); earlier != null && budget.get() > 0; earlier = recent.take()) {
                Versioned<CardState> state = engine.state(earlier.gameId(), CardState.class);
                if (recent.isRetried(earlier) && state.version() > 0) {
                    retryLastStoredCommand(state);
                }
                play(earlier.gameId());
            }
            while (budget.get() > 0) {
                String gameId = name + "-m" + matches++;
                engine.create(game.type(), gameId, Setup.of(CardSettings.HAND_SIZE, String.valueOf(1 + random.nextInt(CardSettings.MAX_HAND_SIZE))));
                play(gameId);
            }
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            report.violation(name + ": the player thread died: " + e);
        }
    }

    private void play(String gameId) {
        List<CommandResult.Accepted> accepted = new ArrayList<>();
        List<CommandRequest> requests = new ArrayList<>();
        Versioned<CardState> before = engine.state(gameId, CardState.class);
        for (int n = 0; before.phase() != CardPhase.FINISHED && n < MAX_COMMANDS_PER_MATCH && budget.decrementAndGet() >= 0; n++) {
            if (!accepted.isEmpty() && random.nextInt(25) == 0) {
                int earlier = random.nextInt(accepted.size());
                before = retry(requests.get(earlier), accepted.get(earlier), before);
                continue;
            }
            CrashMoves.Move move = CrashMoves.next(before.value(), random);
            CommandRequest request = CommandRequest.of(name + "-c" + commands++, move.actor(), move.command());
            CommandResult result;
            try {
                result = engine.submit(gameId, request);
            } catch (BufferFullException e) {
                // refused before it was applied: not acknowledged, nothing to report
                System.err.println("crash child " + name + ": " + e.getMessage());
                continue;
            }
            long at = System.currentTimeMillis();
            Versioned<CardState> after = engine.state(gameId, CardState.class);
            if (result instanceof CommandResult.Accepted a) {
                report.ack(Ack.of(a, at, Ack.Kind.NEW));
                if (a.version() != before.version() + a.eventCount() || after.version() != a.version()) {
                    report.violation("game " + gameId + ": " + a + " from version " + before.version() + ", but the game is now at " + after.version());
                }
                accepted.add(a);
                requests.add(request);
            } else if (after.version() != before.version()) {
                report.violation("game " + gameId + ": " + result + " moved the game from version " + before.version() + " to " + after.version());
            }
            before = after;
        }
    }

    /** Resubmits an accepted command; returns the game's state afterwards, which must be the state before. */
    private Versioned<CardState> retry(CommandRequest request, CommandResult.Accepted first, Versioned<CardState> before) {
        CommandResult again = engine.submit(first.gameId(), request);
        long at = System.currentTimeMillis();
        if (again instanceof CommandResult.Accepted a) {
            report.ack(Ack.of(a, at, Ack.Kind.RETRY));
        }
        Versioned<CardState> after = engine.state(first.gameId(), CardState.class);
        if (!again.equals(first) || !after.equals(before)) {
            report.violation("game " + first.gameId() + ": retry of " + request.commandId() + " answered " + again + " where the first answer was "
                    + first + "; version " + before.version() + " became " + after.version());
        }
        return after;
    }

    /** Resubmits the command id of the game's last stored event, with another command: the stored outcome must come back. */
    private void retryLastStoredCommand(Versioned<CardState> state) {
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
            report.violation(name + ": game " + gameId + ": resubmitting " + commandId + ", stored as the command of version " + state.version()
                    + ", was answered " + result + " and moved the game to version " + after.version());
        }
    }
}
