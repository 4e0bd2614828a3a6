package dev.statecraft.examples.cards;

import dev.statecraft.rules.Phase;

public enum CardPhase implements Phase {
    /** Waiting for two players to join. */
    LOBBY,
    /** Cards are dealt; the seat whose turn it is acts. */
    PLAYING,
    /** The outcome is decided; nothing is accepted any more. */
    FINISHED
}
