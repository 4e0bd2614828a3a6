package dev.statecraft.engine;

/**
 * Called with the game's lock held just before a game leaves memory (idle passivation, eviction past
 * the hot-set bound, or engine shutdown). Persistence uses it to flush; if it throws, the game stays hot.
 */
@FunctionalInterface
public interface PassivationHook {

    void beforePassivation(String gameId, long version, Object state);
}
