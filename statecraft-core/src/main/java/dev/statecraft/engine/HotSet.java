package dev.statecraft.engine;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The games in memory, by id, with the queries eviction and idle passivation need. */
final class HotSet {
    private final ConcurrentHashMap<String, HotGame> games = new ConcurrentHashMap<>();
    private final int maxGames;

    HotSet(int maxGames) {
        this.maxGames = maxGames;
    }

    HotGame get(String gameId) {
        return games.get(gameId);
    }

    /** Adds {@code game} unless another is already there; returns the one that is there now. */
    HotGame putIfAbsent(HotGame game) {
        HotGame existing = games.putIfAbsent(game.gameId, game);
        return existing == null ? game : existing;
    }

    void remove(HotGame game) {
        games.remove(game.gameId, game);
    }

    int size() {
        return games.size();
    }

    Collection<HotGame> all() {
        return games.values();
    }

    /**
     * The least recently used games to evict so the set is back within its bound, with some slack so a
     * full set does not scan on every load; never {@code keep}.
     */
    List<HotGame> evictionCandidates(HotGame keep) {
        int excess = games.size() - maxGames;
        if (excess <= 0) {
            return List.of();
        }
        int count = excess + Math.max(0, Math.min(maxGames / 16, 1_024) - 1);
        return games.values().stream()
                .filter(g -> g != keep)
                .sorted(Comparator.comparingLong(g -> g.lastUsedNanos))
                .limit(count)
                .toList();
    }

    List<HotGame> idleSince(long nanos) {
        return games.values().stream().filter(g -> g.lastUsedNanos - nanos < 0).toList();
    }
}
