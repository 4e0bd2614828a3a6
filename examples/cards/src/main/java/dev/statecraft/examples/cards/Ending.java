package dev.statecraft.examples.cards;

/** How a match ended, or that it has not. */
public enum Ending {
    UNDECIDED(false),
    /** A player played their last card. */
    EMPTIED_HAND(true),
    /** The deck ran out, both players passed in a row, and one held fewer cards. */
    FEWEST_CARDS(true),
    /** The other player gave up. */
    FORFEIT(true),
    /** The deck ran out, both players passed in a row, and they held as many cards each. */
    DRAW(false);

    private final boolean hasWinner;

    Ending(boolean hasWinner) {
        this.hasWinner = hasWinner;
    }

    public boolean hasWinner() {
        return hasWinner;
    }
}
