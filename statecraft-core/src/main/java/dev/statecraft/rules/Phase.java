package dev.statecraft.rules;

/** A state-machine position of a game. Implemented by an enum of the game type's phases. */
public interface Phase {
    String name();
}
