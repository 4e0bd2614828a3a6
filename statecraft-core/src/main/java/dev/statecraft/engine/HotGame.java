package dev.statecraft.engine;

import dev.statecraft.rules.GameType;
import dev.statecraft.store.GameRecord;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One game in memory. Its lock makes the engine the game's single writer; {@link #live} is replaced
 * whole after each command so reads need no lock.
 */
final class HotGame {
    final String gameId;
    final ReentrantLock lock = new ReentrantLock();
    volatile LiveState live;
    volatile long lastUsedNanos;

    /** Set once while loading, under the lock; read after {@link #live} is non-null. */
    GameType<?, ?, ?, ?> type;
    GameRecord record;
    /** The version of the game's latest snapshot, taken or loaded. Guarded by the lock. */
    long snapshotVersion;
    /** True once the game left memory (or failed to load): holders must look it up again. Guarded by the lock. */
    boolean gone;
    private RecentResults recent;
    private final int dedupeWindow;

    HotGame(String gameId, int dedupeWindow) {
        this.gameId = gameId;
        this.dedupeWindow = dedupeWindow;
    }

    RecentResults recent() {
        if (recent == null) {
            recent = new RecentResults(dedupeWindow);
        }
        return recent;
    }

    void touch() {
        lastUsedNanos = System.nanoTime();
    }
}
