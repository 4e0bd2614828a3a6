package dev.statecraft.examples.cards;

import dev.statecraft.rules.Seat;
import java.util.List;
import java.util.Objects;

/**
 * What one seat or a spectator sees of a match. Holds only public facts and the viewer's own hand:
 * the opponent's cards and the deck order appear as counts, never as cards.
 *
 * @param you      the viewing player, "" for a spectator or a player without a seat
 * @param yourHand the viewer's own cards; empty for a spectator
 * @param discard  the discard pile, top card last
 */
public record CardView(
        CardPhase phase,
        String you,
        List<Card> yourHand,
        List<SeatSummary> seats,
        int deckCount,
        List<Card> discard,
        String turn,
        Outcome outcome) {

    /** A seat as everyone sees it: who holds it and how many cards they hold. */
    public record SeatSummary(String player, int handCount) {
        public SeatSummary {
            Objects.requireNonNull(player, "player");
        }
    }

    public CardView {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(you, "you");
        yourHand = List.copyOf(yourHand);
        seats = List.copyOf(seats);
        discard = List.copyOf(discard);
        Objects.requireNonNull(turn, "turn");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static CardView of(CardState state, Seat seat) {
        String you = switch (seat) {
            case Seat.Player p when state.isSeated(p.id()) -> p.id();
            case Seat.Player p -> "";
            case Seat.Spectator s -> "";
        };
        List<SeatSummary> seats = state.hands().stream().map(h -> new SeatSummary(h.player(), h.size())).toList();
        return new CardView(state.phase(), you, state.cardsOf(you), seats, state.deck().size(), state.discard(), state.turn(), state.outcome());
    }
}
