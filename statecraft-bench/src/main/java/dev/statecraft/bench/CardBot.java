package dev.statecraft.bench;

import dev.statecraft.examples.cards.Card;
import dev.statecraft.examples.cards.CardCommand;
import dev.statecraft.examples.cards.CardState;
import dev.statecraft.rules.Actor;

/**
 * Plays both seats of a match: in the lobby the next of its two players joins; in play the player whose
 * turn it is plays the first card of their hand that matches the discard top, else draws, else passes.
 * Every move it chooses is legal, so a rejection means the rules or the engine changed.
 */
final class CardBot {
    private static final CardCommand JOIN = new CardCommand.Join();
    private static final CardCommand DRAW = new CardCommand.Draw();
    private static final CardCommand PASS = new CardCommand.Pass();

    private final Actor.Player first;
    private final Actor.Player second;

    record CardMove(Actor actor, CardCommand command) {
    }

    private CardBot(String first, String second) {
        this.first = new Actor.Player(first);
        this.second = new Actor.Player(second);
    }

    static CardBot seating(String first, String second) {
        return new CardBot(first, second);
    }

    CardMove next(CardState state) {
        return switch (state.phase()) {
            case LOBBY -> new CardMove(state.isSeated(first.id()) ? second : first, JOIN);
            case PLAYING -> new CardMove(actorInTurn(state), moveInTurn(state));
            case FINISHED -> throw new IllegalStateException("the match is finished: start a new one before asking for a move");
        };
    }

    private Actor actorInTurn(CardState state) {
        String turn = state.turn();
        if (turn.equals(first.id())) {
            return first;
        }
        if (turn.equals(second.id())) {
            return second;
        }
        throw new IllegalStateException("it is " + turn + "'s turn, who is neither " + first.id() + " nor " + second.id());
    }

    private static CardCommand moveInTurn(CardState state) {
        Card top = state.discardTop().orElseThrow();
        for (Card card : state.cardsOf(state.turn())) {
            if (card.matches(top)) {
                return new CardCommand.Play(card);
            }
        }
        return state.deck().isEmpty() ? PASS : DRAW;
    }
}
