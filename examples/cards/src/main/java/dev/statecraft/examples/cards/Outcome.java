package dev.statecraft.examples.cards;

import java.util.Objects;

/** How a match ended and who won; {@code winner} is "" while undecided and for a draw. */
public record Outcome(Ending ending, String winner) {

    public Outcome {
        Objects.requireNonNull(ending, "ending");
        Objects.requireNonNull(winner, "winner");
        if (ending.hasWinner() == winner.isBlank()) {
            throw new IllegalArgumentException(ending.hasWinner()
                    ? "an outcome of " + ending + " needs a winner"
                    : "an outcome of " + ending + " has no winner (was '" + winner + "')");
        }
    }

    public static Outcome undecided() {
        return new Outcome(Ending.UNDECIDED, "");
    }

    public static Outcome won(String winner, Ending ending) {
        return new Outcome(ending, winner);
    }

    public static Outcome draw() {
        return new Outcome(Ending.DRAW, "");
    }

    public boolean isDecided() {
        return ending != Ending.UNDECIDED;
    }

    /** A sentence for transcripts and logs. */
    public String describe() {
        return switch (ending) {
            case UNDECIDED -> "undecided";
            case DRAW -> "draw: both players hold as many cards";
            case EMPTIED_HAND -> winner + " wins by playing their last card";
            case FEWEST_CARDS -> winner + " wins by holding fewer cards when play stopped";
            case FORFEIT -> winner + " wins because the other player forfeited";
        };
    }
}
