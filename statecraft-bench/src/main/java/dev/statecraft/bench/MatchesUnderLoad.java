package dev.statecraft.bench;

import dev.statecraft.examples.cards.CardPhase;
import dev.statecraft.examples.cards.CardState;
import dev.statecraft.examples.cards.Cards;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code games} card matches in play on a fresh host every iteration. A finished match leaves memory and
 * a new one takes its slot, so {@code games} matches are always live.
 */
@State(Scope.Benchmark)
public class MatchesUnderLoad {
    @Param({GameHost.ENGINE, GameHost.HAND_ROLLED})
    public String host;
    @Param("1000")
    public int games;

    private final CardBot bot = CardBot.seating("ann", "bob");
    private GameHost running;
    private String[] matchIds;
    private int[] generations;

    @Setup(Level.Iteration)
    public void open() {
        running = GameHost.start(host);
        matchIds = new String[games];
        generations = new int[games];
        for (int slot = 0; slot < games; slot++) {
            matchIds[slot] = "match-" + slot + "-0";
            running.create(Cards.TYPE, matchIds[slot]);
        }
    }

    @TearDown(Level.Iteration)
    public void close() {
        running.close();
    }

    /**
     * One command of the match in {@code slot}, chosen from the state read from the host: a join, a play, a
     * draw or a pass; or, once the match is finished, its replacement by a new match.
     */
    Object playOne(int slot, String commandId) {
        String matchId = matchIds[slot];
        CardState match = (CardState) running.state(matchId);
        if (match.phase() == CardPhase.FINISHED) {
            return replace(slot);
        }
        CardBot.CardMove move = bot.next(match);
        return running.submit(matchId, commandId, move.actor(), move.command());
    }

    private String replace(int slot) {
        running.retire(matchIds[slot]);
        String next = "match-" + slot + "-" + ++generations[slot];
        running.create(Cards.TYPE, next);
        matchIds[slot] = next;
        return next;
    }
}
