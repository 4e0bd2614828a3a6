package dev.statecraft.bench;

import dev.statecraft.examples.cards.CardCommand;
import dev.statecraft.examples.cards.CardEvent;
import dev.statecraft.examples.cards.CardPhase;
import dev.statecraft.examples.cards.CardState;
import dev.statecraft.examples.cards.Cards;
import dev.statecraft.rules.Setup;
import java.util.SplittableRandom;

/** Card matches played one command at a time through the rules alone; a finished match is followed by a new one. */
final class RulesOnlyCardMatches {
    private static final CardState LOBBY = Cards.RULES.initialState(Setup.empty());

    private final CardBot bot = CardBot.seating("ann", "bob");
    private final DirectGame<CardState, CardCommand, CardEvent> match = new DirectGame<>("match", Cards.RULES, LOBBY);
    private final SplittableRandom random;
    private long finished;

    RulesOnlyCardMatches(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** One command of the current match: a join, a play, a draw or a pass. */
    CardState playOne() {
        CardBot.CardMove move = bot.next(match.state());
        match.apply(move.actor(), move.command(), random);
        if (match.state().phase() == CardPhase.FINISHED) {
            finished++;
            match.restart(LOBBY);
        }
        return match.state();
    }

    long finishedMatches() {
        return finished;
    }
}
