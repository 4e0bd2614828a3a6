package dev.statecraft.examples.cards;

import java.util.Locale;
import java.util.Objects;

/** One of the forty cards: a suit and a rank from 1 to 10. */
public record Card(Suit suit, int rank) {
    public static final int LOWEST_RANK = 1;
    public static final int HIGHEST_RANK = 10;

    public Card {
        Objects.requireNonNull(suit, "suit");
        if (rank < LOWEST_RANK || rank > HIGHEST_RANK) {
            throw new IllegalArgumentException("rank must be " + LOWEST_RANK + " to " + HIGHEST_RANK + " (was " + rank + ")");
        }
    }

    /** A card may go on {@code top} of the discard pile when it shares its suit or its rank. */
    public boolean matches(Card top) {
        return suit == top.suit || rank == top.rank;
    }

    /** "7 of hearts". */
    public String label() {
        return rank + " of " + suit.name().toLowerCase(Locale.ROOT);
    }
}
