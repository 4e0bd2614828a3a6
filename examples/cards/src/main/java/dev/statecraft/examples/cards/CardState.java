package dev.statecraft.examples.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A match at one version. Immutable; every change is a {@code withX} method that returns a new state.
 *
 * @param hands             the seated players' hands, in the order they joined
 * @param deck              the cards still to draw, top card first
 * @param discard           the discard pile, top card last; public
 * @param turn              the player who acts next, "" before the deal and after the end
 * @param consecutivePasses passes in a row since the last card was played or drawn
 */
public record CardState(
        CardPhase phase,
        int handSize,
        List<Hand> hands,
        List<Card> deck,
        List<Card> discard,
        String turn,
        int consecutivePasses,
        Outcome outcome) {

    public static final int SEATS = 2;

    public CardState {
        Objects.requireNonNull(phase, "phase");
        hands = List.copyOf(hands);
        deck = List.copyOf(deck);
        discard = List.copyOf(discard);
        Objects.requireNonNull(turn, "turn");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static CardState lobby(CardSettings settings) {
        return new CardState(CardPhase.LOBBY, settings.handSize(), List.of(), List.of(), List.of(), "", 0, Outcome.undecided());
    }

    public List<String> seats() {
        String[] seats = new String[hands.size()];
        for (int i = 0; i < seats.length; i++) {
            seats[i] = hands.get(i).player();
        }
        return List.of(seats);
    }

    public boolean isSeated(String player) {
        return handOrNull(player) != null;
    }

    public Optional<Hand> hand(String player) {
        return Optional.ofNullable(handOrNull(player));
    }

    /** The cards {@code player} holds; none for a player without a seat. */
    public List<Card> cardsOf(String player) {
        Hand hand = handOrNull(player);
        return hand == null ? List.of() : hand.cards();
    }

    /** The other seat's player; "" when {@code player} has no opponent yet. */
    public String opponentOf(String player) {
        for (Hand hand : hands) {
            if (!hand.player().equals(player)) {
                return hand.player();
            }
        }
        return "";
    }

    // Loops rather than streams: these run several times per command, and a stream costs more than the search.
    private Hand handOrNull(String player) {
        for (Hand hand : hands) {
            if (hand.player().equals(player)) {
                return hand;
            }
        }
        return null;
    }

    public Optional<Card> discardTop() {
        return discard.isEmpty() ? Optional.empty() : Optional.of(discard.getLast());
    }

    /** The outcome if play stopped now: fewer cards wins, as many each is a draw. */
    public Outcome byFewestCards() {
        Hand first = hands.getFirst();
        Hand second = hands.getLast();
        if (first.size() == second.size()) {
            return Outcome.draw();
        }
        return Outcome.won(first.size() < second.size() ? first.player() : second.player(), Ending.FEWEST_CARDS);
    }

    public CardState withSeat(String player) {
        List<Hand> more = new ArrayList<>(hands);
        more.add(Hand.empty(player));
        return new CardState(phase, handSize, more, deck, discard, turn, consecutivePasses, outcome);
    }

    /** Deals {@code handSize} cards to each seat in turn from the top of {@code order}, then turns the next card face up. */
    public CardState dealt(List<Card> order, String firstTurn) {
        List<Hand> dealt = new ArrayList<>(hands.size());
        for (int seat = 0; seat < hands.size(); seat++) {
            dealt.add(new Hand(hands.get(seat).player(), order.subList(seat * handSize, (seat + 1) * handSize)));
        }
        int faceUp = hands.size() * handSize;
        return new CardState(CardPhase.PLAYING, handSize, dealt, order.subList(faceUp + 1, order.size()),
                List.of(order.get(faceUp)), firstTurn, 0, outcome);
    }

    public CardState withCardDrawn(String player) {
        if (deck.isEmpty()) {
            // decide never draws from an empty deck; evolve stays total all the same
            return this;
        }
        return new CardState(phase, handSize, replaced(hand(player).orElseThrow().with(deck.getFirst())),
                deck.subList(1, deck.size()), discard, opponentOf(player), 0, outcome);
    }

    public CardState withCardPlayed(String player, Card card) {
        List<Card> pile = new ArrayList<>(discard);
        pile.add(card);
        return new CardState(phase, handSize, replaced(hand(player).orElseThrow().without(card)),
                deck, pile, opponentOf(player), 0, outcome);
    }

    public CardState withTurnPassed(String player) {
        return new CardState(phase, handSize, hands, deck, discard, opponentOf(player), consecutivePasses + 1, outcome);
    }

    public CardState withOutcome(Outcome ended) {
        return new CardState(CardPhase.FINISHED, handSize, hands, deck, discard, "", consecutivePasses, ended);
    }

    private List<Hand> replaced(Hand changed) {
        List<Hand> replaced = new ArrayList<>(hands.size());
        for (Hand hand : hands) {
            replaced.add(hand.player().equals(changed.player()) ? changed : hand);
        }
        return replaced;
    }
}
