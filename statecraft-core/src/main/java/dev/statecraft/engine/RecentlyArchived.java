package dev.statecraft.engine;

import dev.statecraft.rules.GameType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The final states of the games archived last, so that the reads that follow a game's end (every
 * player fetching the result) are answered from memory instead of decoding the history record.
 */
final class RecentlyArchived {
    record Final(GameType<?, ?, ?, ?> type, Versioned<Object> state) {
    }

    private final Map<String, Final> finals;

    RecentlyArchived(int capacity) {
        this.finals = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Final> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void add(String gameId, GameType<?, ?, ?, ?> type, Versioned<Object> state) {
        finals.put(gameId, new Final(type, state));
    }

    synchronized Optional<Final> find(String gameId) {
        return Optional.ofNullable(finals.get(gameId));
    }
}
