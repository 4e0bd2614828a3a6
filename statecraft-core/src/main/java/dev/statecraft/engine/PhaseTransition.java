package dev.statecraft.engine;

import dev.statecraft.rules.Phase;
import java.time.Instant;

/** A game moved from one phase to another when the event at {@code version} was applied. */
public record PhaseTransition(Phase from, Phase to, long version, Instant at) {
}
