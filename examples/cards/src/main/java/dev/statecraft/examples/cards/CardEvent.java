package dev.statecraft.examples.cards;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What happened in a match. Shuffles and first turns are drawn in decide and written here, so replay never re-rolls. */
public sealed interface CardEvent {

    record PlayerJoined(String player) implements CardEvent {
        public PlayerJoined {
            Objects.requireNonNull(player, "player");
        }
    }

    /** The whole shuffled deck, top card first, and who acts first; evolve deals from it. */
    record MatchStarted(List<Card> deck, String firstTurn) implements CardEvent {
        public MatchStarted {
            deck = List.copyOf(deck);
            Objects.requireNonNull(firstTurn, "firstTurn");
            if (deck.size() != Deck.SIZE || Set.copyOf(deck).size() != Deck.SIZE) {
                throw new IllegalArgumentException("a match starts with " + Deck.SIZE + " distinct cards (was " + deck.size()
                        + " cards, " + Set.copyOf(deck).size() + " distinct)");
            }
        }
    }

    /** {@code player} took the top card of the deck; which card it was follows from the deck order. */
    record CardDrawn(String player) implements CardEvent {
        public CardDrawn {
            Objects.requireNonNull(player, "player");
        }
    }

    record CardPlayed(String player, Card card) implements CardEvent {
        public CardPlayed {
            Objects.requireNonNull(player, "player");
            Objects.requireNonNull(card, "card");
        }
    }

    record TurnPassed(String player) implements CardEvent {
        public TurnPassed {
            Objects.requireNonNull(player, "player");
        }
    }

    record MatchEnded(Outcome outcome) implements CardEvent {
        public MatchEnded {
            Objects.requireNonNull(outcome, "outcome");
            if (!outcome.isDecided()) {
                throw new IllegalArgumentException("a match cannot end undecided");
            }
        }
    }
}
