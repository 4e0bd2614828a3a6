package dev.statecraft.engine;

import dev.statecraft.rules.Phase;

/** A value of a game (its state, or one seat's view of it) at one version and phase. */
public record Versioned<T>(String gameId, long version, Phase phase, T value) {
}
