package dev.statecraft.bench;

import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Decision;
import dev.statecraft.rules.Rules;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One game played by calling its rules directly: decide, then evolve each event, and nothing else (no
 * engine, no store, no lock). Benchmarks send only legal commands, so a rejection is a failure.
 */
final class DirectGame<S, C, E> {
    private final String gameId;
    private final Rules<S, C, E, ?> rules;
    private S state;
    private long version;

    DirectGame(String gameId, Rules<S, C, E, ?> rules, S initial) {
        this.gameId = gameId;
        this.rules = rules;
        this.state = initial;
    }

    S state() {
        return state;
    }

    /** Decides {@code command} sent by {@code actor} and folds its events into the state; returns the new version. */
    long apply(Actor actor, C command, RandomGenerator random) {
        Decision<E> decision = rules.decide(state, command, FixedClockContext.of(gameId, version, actor, random));
        return switch (decision) {
            case Decision.Accept<E> accept -> fold(accept.events());
            case Decision.Reject<E> reject -> throw new IllegalStateException("game " + gameId + ": " + command + " by " + actor
                    + " was rejected with " + reject.code() + ": " + reject.message() + " (the benchmark sends only legal commands)");
        };
    }

    /** Starts over from {@code initial} at version 0, as a new game. */
    void restart(S initial) {
        state = initial;
        version = 0;
    }

    private long fold(List<E> events) {
        S next = state;
        for (E event : events) {
            next = rules.evolve(next, event);
        }
        state = next;
        version += events.size();
        return version;
    }
}
