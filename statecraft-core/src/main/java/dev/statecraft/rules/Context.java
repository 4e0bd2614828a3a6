package dev.statecraft.rules;

import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * What {@link Rules#decide} may know besides the state and the command. The only source of time and
 * randomness for rules: whatever {@code decide} draws from here must be written into its events.
 */
public interface Context {

    String gameId();

    /** The game's version when the command is decided. */
    long version();

    /** Who sent the command. */
    Actor actor();

    /** The engine's clock at the time of the decision. */
    Instant now();

    /** A generator seeded for this one decision. */
    RandomGenerator random();
}
