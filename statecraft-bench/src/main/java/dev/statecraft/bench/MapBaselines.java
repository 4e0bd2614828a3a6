package dev.statecraft.bench;

import java.lang.ref.Reference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * What a hand-rolled backend spends per game besides the state: a {@code ConcurrentHashMap} from game id
 * to state, with or without a lock per game. Measured on the same states the engine held, in the same run.
 */
final class MapBaselines {
    private MapBaselines() {
    }

    /** The per-game holder of a backend that serialises each game's commands with its own lock. */
    static final class LockedState {
        final ReentrantLock lock = new ReentrantLock();
        volatile Object state;

        LockedState(Object state) {
            this.state = state;
        }
    }

    static Map<String, Object> statesById(LoadedGames games) {
        ConcurrentHashMap<String, Object> map = new ConcurrentHashMap<>();
        for (int i = 0; i < games.count(); i++) {
            map.put(games.id(i), games.state(i));
        }
        return map;
    }

    static Map<String, LockedState> lockedStatesById(LoadedGames games) {
        ConcurrentHashMap<String, LockedState> map = new ConcurrentHashMap<>();
        for (int i = 0; i < games.count(); i++) {
            map.put(games.id(i), new LockedState(games.state(i)));
        }
        return map;
    }

    /** Live heap the map built by {@code build} adds, per game; ids and states are already live, so only the map counts. */
    static double bytesPerEntry(HeapGauge gauge, LoadedGames games, Function<LoadedGames, Map<String, ?>> build) {
        long before = gauge.liveBytes();
        Map<String, ?> map = build.apply(games);
        long after = gauge.liveBytes();
        Reference.reachabilityFence(map);
        return (after - before) / (double) games.count();
    }
}
