package dev.statecraft.examples.cards;

import dev.statecraft.examples.cards.CardEvent.CardDrawn;
import dev.statecraft.examples.cards.CardEvent.CardPlayed;
import dev.statecraft.examples.cards.CardEvent.MatchEnded;
import dev.statecraft.examples.cards.CardEvent.MatchStarted;
import dev.statecraft.examples.cards.CardEvent.PlayerJoined;
import dev.statecraft.examples.cards.CardEvent.TurnPassed;
import dev.statecraft.rules.Context;
import dev.statecraft.rules.Decision;
import dev.statecraft.rules.Phase;
import dev.statecraft.rules.Rules;
import dev.statecraft.rules.Seat;
import dev.statecraft.rules.Setup;

/**
 * The rules of a two-seat shedding game: match the suit or rank of the discard top, first to empty
 * their hand wins.
 *
 * <p>Turns: the first two distinct players to {@code Join} take the seats and the match starts, with a
 * random player to act first. On your turn you either play a matching card, draw the top card of the
 * deck, or, only once the deck is empty, pass; each of these ends your turn. The discard pile is never
 * reshuffled, so the deck only shrinks, and once it is empty every play shrinks a hand: a match always ends.
 * It ends when a hand is emptied (that player wins), when both players pass in a row (fewer cards wins,
 * as many is a draw), or when a player forfeits, which is allowed at any time, in turn or not.
 *
 * <p>Rejections, checked in this order:
 * <ul>
 *   <li>{@code wrong-phase}: the phase does not take the command (Join after the start, anything after the end);</li>
 *   <li>{@code wrong-seat}: the host acts (it holds no seat and cannot take one), or a seated player acts out of turn;</li>
 *   <li>{@code unknown-player}: a player without a seat acts in a running match;</li>
 *   <li>{@code invalid-move}: joining twice, joining full seats, playing a card not held or not matching,
 *       drawing from an empty deck, passing while the deck still has cards.</li>
 * </ul>
 */
public final class CardRules implements Rules<CardState, CardCommand, CardEvent, CardView> {
    private final CardDecider decider = new CardDecider();

    @Override
    public CardState initialState(Setup setup) {
        return CardState.lobby(CardSettings.from(setup));
    }

    @Override
    public Decision<CardEvent> decide(CardState state, CardCommand command, Context ctx) {
        return decider.decide(state, command, ctx);
    }

    @Override
    public CardState evolve(CardState state, CardEvent event) {
        return switch (event) {
            case PlayerJoined e -> state.withSeat(e.player());
            case MatchStarted e -> state.dealt(e.deck(), e.firstTurn());
            case CardDrawn e -> state.withCardDrawn(e.player());
            case CardPlayed e -> state.withCardPlayed(e.player(), e.card());
            case TurnPassed e -> state.withTurnPassed(e.player());
            case MatchEnded e -> state.withOutcome(e.outcome());
        };
    }

    @Override
    public CardView view(CardState state, Seat seat) {
        return CardView.of(state, seat);
    }

    @Override
    public Phase phase(CardState state) {
        return state.phase();
    }
}
