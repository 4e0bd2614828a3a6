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
 */
public record EngineOptions(int maxHotGames, Duration passivateAfter, int dedupeWindow, int subscriberQueueLimit, int conflictRetries) {

    public EngineOptions {
        Objects.requireNonNull(passivateAfter, "passivateAfter");
        if (maxHotGames < 1) throw new IllegalArgumentException("maxHotGames must be > 0 (was " + maxHotGames + ")");
        if (passivateAfter.isNegative()) throw new IllegalArgumentException("passivateAfter must not be negative (was " + passivateAfter + ")");
        if (dedupeWindow < 1) throw new IllegalArgumentException("dedupeWindow must be > 0 (was " + dedupeWindow + ")");
        if (subscriberQueueLimit < 1) throw new IllegalArgumentException("subscriberQueueLimit must be > 0 (was " + subscriberQueueLimit + ")");
        if (conflictRetries < 0) throw new IllegalArgumentException("conflictRetries must be >= 0 (was " + conflictRetries + ")");
    }

    public static EngineOptions defaults() {
        return new EngineOptions(100_000, Duration.ofMinutes(10), 8, 1_024, 5);
    }

    public EngineOptions withMaxHotGames(int value) {
        return new EngineOptions(value, passivateAfter, dedupeWindow, subscriberQueueLimit, conflictRetries);
    }

    public EngineOptions withPassivateAfter(Duration value) {
        return new EngineOptions(maxHotGames, value, dedupeWindow, subscriberQueueLimit, conflictRetries);
    }

    public EngineOptions withDedupeWindow(int value) {
        return new EngineOptions(maxHotGames, passivateAfter, value, subscriberQueueLimit, conflictRetries);
    }

    public EngineOptions withSubscriberQueueLimit(int value) {
        return new EngineOptions(maxHotGames, passivateAfter, dedupeWindow, value, conflictRetries);
    }

    public EngineOptions withConflictRetries(int value) {
        return new EngineOptions(maxHotGames, passivateAfter, dedupeWindow, subscriberQueueLimit, value);
    }
}
