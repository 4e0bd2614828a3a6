package dev.statecraft.examples.cards;

import dev.statecraft.rules.Setup;

/** The setup keys of a card match, validated: {@code handSize} (default 5) is the number of cards dealt to each seat. */
public record CardSettings(int handSize) {
    public static final String HAND_SIZE = "handSize";
    public static final int DEFAULT_HAND_SIZE = 5;
    public static final int MAX_HAND_SIZE = 10;

    public CardSettings {
        if (handSize < 1 || handSize > MAX_HAND_SIZE) {
            throw new IllegalArgumentException("setup value '" + HAND_SIZE + "' must be 1 to " + MAX_HAND_SIZE + " (was " + handSize + ")");
        }
    }

    public static CardSettings from(Setup setup) {
        return new CardSettings(setup.integer(HAND_SIZE, DEFAULT_HAND_SIZE));
    }
}
