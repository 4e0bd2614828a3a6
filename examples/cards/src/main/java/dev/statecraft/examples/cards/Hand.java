package dev.statecraft.examples.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The cards one seated player holds, in the order they were received. */
public record Hand(String player, List<Card> cards) {

    public Hand {
        Objects.requireNonNull(player, "player");
        cards = List.copyOf(cards);
    }

    public static Hand empty(String player) {
        return new Hand(player, List.of());
    }

    public Hand with(Card card) {
        List<Card> more = new ArrayList<>(cards);
        more.add(card);
        return new Hand(player, more);
    }

    public Hand without(Card card) {
        List<Card> fewer = new ArrayList<>(cards);
        fewer.remove(card);
        return new Hand(player, fewer);
    }

    public int size() {
        return cards.size();
    }
}
