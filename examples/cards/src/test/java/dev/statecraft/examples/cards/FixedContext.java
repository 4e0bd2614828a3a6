package dev.statecraft.examples.cards;

import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Context;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** A decision context for calling the rules without an engine. */
record FixedContext(Actor actor, RandomGenerator random) implements Context {

    static FixedContext of(String player) {
        return new FixedContext(Actor.player(player), new SplittableRandom(1));
    }

    @Override
    public String gameId() {
        return "pure-rules";
    }

    @Override
    public long version() {
        return 0;
    }

    @Override
    public Instant now() {
        return Instant.EPOCH;
    }
}
