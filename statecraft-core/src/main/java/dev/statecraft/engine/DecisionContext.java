package dev.statecraft.engine;

import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Context;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** The {@link Context} of one decision; its generator is made only if the rules ask for one. */
final class DecisionContext implements Context {
    private final String gameId;
    private final long version;
    private final Actor actor;
    private final Instant now;
    private final long seed;
    private RandomGenerator random;

    DecisionContext(String gameId, long version, Actor actor, Instant now, long seed) {
        this.gameId = gameId;
        this.version = version;
        this.actor = actor;
        this.now = now;
        this.seed = seed;
    }

    /** A seed that depends on the engine's root seed, the game, its version and the command id, and on nothing else. */
    static long seedFor(long rootSeed, String gameId, long version, String commandId) {
        long h = rootSeed;
        h = mix(h ^ gameId.hashCode());
        h = mix(h ^ version);
        return mix(h ^ commandId.hashCode());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public String gameId() {
        return gameId;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public RandomGenerator random() {
        if (random == null) {
            random = new SplittableRandom(seed);
        }
        return random;
    }
}
