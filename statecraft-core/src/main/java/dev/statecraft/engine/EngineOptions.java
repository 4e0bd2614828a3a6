package dev.statecraft.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of an engine, validated when made.
 *
 * @param maxHotGames          games held in memory at most; past it the least recently used are evicted
 * @param passivateAfter       a game untouched this long is passivated; {@link Duration#ZERO} never passivates
 * @param dedupeWindow         recent command outcomes kept in memory per game, for retries of rejected commands;
 *                             accepted commands are de-duplicated through the store at any age
 * @param subscriberQueueLimit pending updates a subscriber may fall behind before its subscription ends
 * @param conflictRetries      times a command is re-decided on fresh state when another writer took its version
 * @param writeBehindCapacity  events and snapshots the write-behind buffer holds at most, across all games
 * @param writeBehindWait      how long a buffered command waits for room before it fails, unapplied
 * @param recovery             how games are rebuilt when loaded
 * @param warmOnStart          the most recently active games loaded when the engine starts; others load on first use
 */
public record EngineOptions(int maxHotGames, Duration passivateAfter, int dedupeWindow, int subscriberQueueLimit, int conflictRetries,
                            int writeBehindCapacity, Duration writeBehindWait, Recovery recovery, int warmOnStart) {

    public EngineOptions {
        Objects.requireNonNull(passivateAfter, "passivateAfter");
        Objects.requireNonNull(writeBehindWait, "writeBehindWait");
        Objects.requireNonNull(recovery, "recovery");
        if (maxHotGames < 1) throw new IllegalArgumentException("maxHotGames must be > 0 (was " + maxHotGames + ")");
        if (passivateAfter.isNegative()) throw new IllegalArgumentException("passivateAfter must not be negative (was " + passivateAfter + ")");
        if (dedupeWindow < 1) throw new IllegalArgumentException("dedupeWindow must be > 0 (was " + dedupeWindow + ")");
        if (subscriberQueueLimit < 1) throw new IllegalArgumentException("subscriberQueueLimit must be > 0 (was " + subscriberQueueLimit + ")");
        if (conflictRetries < 0) throw new IllegalArgumentException("conflictRetries must be >= 0 (was " + conflictRetries + ")");
        if (writeBehindCapacity < 1) throw new IllegalArgumentException("writeBehindCapacity must be > 0 (was " + writeBehindCapacity + ")");
        if (writeBehindWait.isNegative()) throw new IllegalArgumentException("writeBehindWait must not be negative (was " + writeBehindWait + ")");
        if (warmOnStart < 0) throw new IllegalArgumentException("warmOnStart must be >= 0 (was " + warmOnStart + ")");
    }

    public static EngineOptions defaults() {
        return new EngineOptions(100_000, Duration.ofMinutes(10), 8, 1_024, 5, 100_000, Duration.ofSeconds(2), Recovery.LATEST, 0);
    }

    public EngineOptions withMaxHotGames(int value) {
        return new EngineOptions(value, passivateAfter, dedupeWindow, subscriberQueueLimit, conflictRetries, writeBehindCapacity, writeBehindWait, recovery, warmOnStart);
    }

    public EngineOptions withPassivateAfter(Duration value) {
        return new EngineOptions(maxHotGames, value, dedupeWindow, subscriberQueueLimit, conflictRetries, writeBehindCapacity, writeBehindWait, recovery, warmOnStart);
    }

    public EngineOptions withDedupeWindow(int value) {
        return new EngineOptions(maxHotGames, passivateAfter, value, subscriberQueueLimit, conflictRetries, writeBehindCapacity, writeBehindWait, recovery, warmOnStart);
    }

    public EngineOptions withSubscriberQueueLimit(int value) {
        return new EngineOptions(maxHotGames, passivateAfter, dedupeWindow, value, conflictRetries, writeBehindCapacity, writeBehindWait, recovery, warmOnStart);
    }

    public EngineOptions withConflictRetries(int value) {
        return new EngineOptions(maxHotGames, passivateAfter, dedupeWindow, subscriberQueueLimit, value, writeBehindCapacity, writeBehindWait, recovery, warmOnStart);
    }

    public EngineOptions withWriteBehindCapacity(int value) {
        return new EngineOptions(maxHotGames, passivateAfter, dedupeWindow, subscriberQueueLimit, conflictRetries, value, writeBehindWait, recovery, warmOnStart);
    }

    public EngineOptions withWriteBehindWait(Duration value) {
        return new EngineOptions(maxHotGames, passivateAfter, dedupeWindow, subscriberQueueLimit, conflictRetries, writeBehindCapacity, value, recovery, warmOnStart);
    }

    public EngineOptions withRecovery(Recovery value) {
        return new EngineOptions(maxHotGames, passivateAfter, dedupeWindow, subscriberQueueLimit, conflictRetries, writeBehindCapacity, writeBehindWait, value, warmOnStart);
    }

    public EngineOptions withWarmOnStart(int value) {
        return new EngineOptions(maxHotGames, passivateAfter, dedupeWindow, subscriberQueueLimit, conflictRetries, writeBehindCapacity, writeBehindWait, recovery, value);
    }
}
