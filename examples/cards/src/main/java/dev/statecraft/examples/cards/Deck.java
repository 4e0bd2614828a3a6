package dev.statecraft.examples.cards;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/** The forty-card deck, in suit-then-rank order or shuffled. */
public final class Deck {
    public static final int SIZE = Suit.values().length * Card.HIGHEST_RANK;

    private Deck() {
    }

    public static List<Card> ordered() {
        List<Card> cards = new ArrayList<>(SIZE);
        for (Suit suit : Suit.values()) {
            for (int rank = Card.LOWEST_RANK; rank <= Card.HIGHEST_RANK; rank++) {
                cards.add(new Card(suit, rank));
            }
        }
        return List.copyOf(cards);
    }

    /** A Fisher-Yates shuffle drawing only from {@code random}, so the same generator state gives the same order. */
    public static List<Card> shuffled(RandomGenerator random) {
        List<Card> cards = new ArrayList<>(ordered());
        for (int i = cards.size() - 1; i > 0; i--) {
            Collections.swap(cards, i, random.nextInt(i + 1));
        }
        return List.copyOf(cards);
    }
}
