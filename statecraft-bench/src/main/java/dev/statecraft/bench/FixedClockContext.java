package dev.statecraft.bench;

import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Context;
import java.time.Instant;
import java.util.random.RandomGenerator;

/** The context of one decision made without an engine: a clock that never moves and a generator the caller owns. */
record FixedClockContext(String gameId, long version, Actor actor, Instant now, RandomGenerator random) implements Context {

    static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    static FixedClockContext of(String gameId, long version, Actor actor, RandomGenerator random) {
        return new FixedClockContext(gameId, version, actor, NOW, random);
    }
}
