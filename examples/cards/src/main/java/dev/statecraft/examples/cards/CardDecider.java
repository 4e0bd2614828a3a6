package dev.statecraft.examples.cards;

import static dev.statecraft.rules.ReasonCode.INVALID_MOVE;
import static dev.statecraft.rules.ReasonCode.UNKNOWN_PLAYER;
import static dev.statecraft.rules.ReasonCode.WRONG_PHASE;
import static dev.statecraft.rules.ReasonCode.WRONG_SEAT;

import dev.statecraft.examples.cards.CardCommand.Draw;
import dev.statecraft.examples.cards.CardCommand.Forfeit;
import dev.statecraft.examples.cards.CardCommand.Join;
import dev.statecraft.examples.cards.CardCommand.Pass;
import dev.statecraft.examples.cards.CardCommand.Play;
import dev.statecraft.examples.cards.CardEvent.CardDrawn;
import dev.statecraft.examples.cards.CardEvent.CardPlayed;
import dev.statecraft.examples.cards.CardEvent.MatchEnded;
import dev.statecraft.examples.cards.CardEvent.MatchStarted;
import dev.statecraft.examples.cards.CardEvent.PlayerJoined;
import dev.statecraft.examples.cards.CardEvent.TurnPassed;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Context;
import dev.statecraft.rules.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/** Turns a command into events, or into a rejection with the reason code documented in {@link CardRules}. */
final class CardDecider {

    Decision<CardEvent> decide(CardState state, CardCommand command, Context ctx) {
        if (!Cards.PHASES.accepts(state.phase(), command.getClass())) {
            return Decision.reject(WRONG_PHASE, Cards.PHASES.describeAccepted(state.phase()) + ", not " + command.getClass().getSimpleName());
        }
        return switch (command) {
            case Join join -> join(state, ctx);
            case Forfeit forfeit -> asSeated(state, ctx.actor(), player -> forfeit(state, player));
            case Draw draw -> inTurn(state, ctx.actor(), player -> draw(state, player));
            case Play play -> inTurn(state, ctx.actor(), player -> play(state, player, play.card()));
            case Pass pass -> inTurn(state, ctx.actor(), player -> pass(state, player));
        };
    }

    private static Decision<CardEvent> join(CardState state, Context ctx) {
        return switch (ctx.actor()) {
            case Actor.Host host -> Decision.reject(WRONG_SEAT, "the host cannot take a seat; players join for themselves");
            case Actor.Player p when state.isSeated(p.id()) -> Decision.reject(INVALID_MOVE, p.id() + " already holds a seat");
            case Actor.Player p when state.hands().size() >= CardState.SEATS -> Decision.reject(INVALID_MOVE,
                    "both seats are taken (by " + String.join(" and ", state.seats()) + ")");
            case Actor.Player p when state.hands().size() + 1 < CardState.SEATS -> Decision.accept(new PlayerJoined(p.id()));
            case Actor.Player p -> start(state, p.id(), ctx.random());
        };
    }

    /** The last seat is taken: shuffle, and choose who acts first, here, so that evolve only deals. */
    private static Decision<CardEvent> start(CardState state, String lastToJoin, RandomGenerator random) {
        List<String> seats = new ArrayList<>(state.seats());
        seats.add(lastToJoin);
        List<Card> deck = Deck.shuffled(random);
        String first = seats.get(random.nextInt(seats.size()));
        return Decision.accept(new PlayerJoined(lastToJoin), new MatchStarted(deck, first));
    }

    private static Decision<CardEvent> forfeit(CardState state, String player) {
        return Decision.accept(new MatchEnded(Outcome.won(state.opponentOf(player), Ending.FORFEIT)));
    }

    private static Decision<CardEvent> draw(CardState state, String player) {
        if (state.deck().isEmpty()) {
            return Decision.reject(INVALID_MOVE, "the deck is empty: play a card or pass");
        }
        return Decision.accept(new CardDrawn(player));
    }

    private static Decision<CardEvent> play(CardState state, String player, Card card) {
        List<Card> hand = state.cardsOf(player);
        Card top = state.discardTop().orElseThrow();
        if (!hand.contains(card)) {
            return Decision.reject(INVALID_MOVE, player + " does not hold the " + card.label());
        }
        if (!card.matches(top)) {
            return Decision.reject(INVALID_MOVE, "the " + card.label() + " matches neither the suit nor the rank of the " + top.label());
        }
        CardPlayed played = new CardPlayed(player, card);
        if (hand.size() == 1) {
            return Decision.accept(played, new MatchEnded(Outcome.won(player, Ending.EMPTIED_HAND)));
        }
        return Decision.accept(played);
    }

    private static Decision<CardEvent> pass(CardState state, String player) {
        if (!state.deck().isEmpty()) {
            return Decision.reject(INVALID_MOVE, "the deck still holds " + state.deck().size() + " cards: draw instead of passing");
        }
        TurnPassed passed = new TurnPassed(player);
        if (state.consecutivePasses() + 1 >= CardState.SEATS) {
            return Decision.accept(passed, new MatchEnded(state.byFewestCards()));
        }
        return Decision.accept(passed);
    }

    private static Decision<CardEvent> asSeated(CardState state, Actor actor, Function<String, Decision<CardEvent>> move) {
        return switch (actor) {
            case Actor.Host host -> Decision.reject(WRONG_SEAT, "the host holds no seat and cannot act for one");
            case Actor.Player p when !state.isSeated(p.id()) -> Decision.reject(UNKNOWN_PLAYER,
                    p.id() + " holds no seat in this match (seated: " + String.join(", ", state.seats()) + ")");
            case Actor.Player p -> move.apply(p.id());
        };
    }

    private static Decision<CardEvent> inTurn(CardState state, Actor actor, Function<String, Decision<CardEvent>> move) {
        return asSeated(state, actor, player -> player.equals(state.turn())
                ? move.apply(player)
                : Decision.reject(WRONG_SEAT, "it is " + state.turn() + "'s turn, not " + player + "'s"));
    }
}
