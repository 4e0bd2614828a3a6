package dev.statecraft.examples.cards;

import java.util.Objects;

/** What a player asks for. The acting player is the command's actor, never a field of the command. */
public sealed interface CardCommand {

    /** Take a free seat; the second player to join starts the match. */
    record Join() implements CardCommand {
    }

    /** Take the top card of the deck; ends the turn. */
    record Draw() implements CardCommand {
    }

    /** Put {@code card} from the hand on the discard pile; it must share the suit or rank of the top card. */
    record Play(Card card) implements CardCommand {
        public Play {
            Objects.requireNonNull(card, "card");
        }
    }

    /** Give up the turn; allowed only once the deck is empty. */
    record Pass() implements CardCommand {
    }

    /** Give up the match; the other player wins. Allowed at any time, in turn or not. */
    record Forfeit() implements CardCommand {
    }
}
