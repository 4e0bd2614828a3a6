package dev.statecraft.bench.server;

import static dev.statecraft.examples.cards.CardPhase.FINISHED;

import dev.statecraft.examples.cards.CardCommand;
import dev.statecraft.examples.cards.CardEvent;
import dev.statecraft.examples.cards.CardState;
import dev.statecraft.examples.cards.CardView;
import dev.statecraft.examples.cards.Cards;
import dev.statecraft.persistence.Persistence;
import dev.statecraft.persistence.WritePolicy;
import dev.statecraft.rules.GameType;

/**
 * The card game exactly as {@link Cards#TYPE}, except that commands are buffered (acknowledged after the
 * in-memory apply, written within 200 ms) instead of durable. The load benchmark plays it beside the real
 * game to tell the server's own latency from the wait for the disk's sync.
 */
final class CardsBuffered {
    static final String NAME = "cards-buffered";

    static final GameType<CardState, CardCommand, CardEvent, CardView> TYPE =
            GameType.builder(NAME, Cards.RULES, CardState.class, CardCommand.class, CardEvent.class)
                    .phases(Cards.PHASES)
                    .outcome(state -> state.outcome().describe())
                    .archiveIn(FINISHED)
                    .persistence(Persistence.defaults().withWritePolicy(WritePolicy.buffered()))
                    .build();

    private CardsBuffered() {
    }
}
