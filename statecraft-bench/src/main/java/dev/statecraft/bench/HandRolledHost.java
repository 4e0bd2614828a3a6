package dev.statecraft.bench;

import dev.statecraft.rules.Actor;
import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Rules;
import dev.statecraft.rules.Setup;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The baseline a game backend would hand-roll: a {@code ConcurrentHashMap} from game id to state, a lock
 * per game, and {@code decide} + {@code evolve} under it. Nothing else: no events kept, no command ids
 * remembered, no phase machine checked, no subscribers fed.
 */
final class HandRolledHost implements GameHost {
    private final ConcurrentHashMap<String, LockedGame> games = new ConcurrentHashMap<>();

    private static final class LockedGame {
        final ReentrantLock lock = new ReentrantLock();
        final DirectGame<Object, Object, Object> game;
        volatile Object published;

        LockedGame(DirectGame<Object, Object, Object> game) {
            this.game = game;
            this.published = game.state();
        }
    }

    @Override
    public void create(GameType<?, ?, ?, ?> type, String gameId) {
        Rules<Object, Object, Object, ?> rules = erased(type);
        LockedGame fresh = new LockedGame(new DirectGame<>(gameId, rules, rules.initialState(Setup.empty())));
        if (games.putIfAbsent(gameId, fresh) != null) {
            throw new IllegalStateException("game " + gameId + ": already exists");
        }
    }

    @Override
    public Object state(String gameId) {
        return game(gameId).published;
    }

    @Override
    public long submit(String gameId, String commandId, Actor actor, Object command) {
        LockedGame locked = game(gameId);
        locked.lock.lock();
        try {
            long version = locked.game.apply(actor, command, ThreadLocalRandom.current());
            locked.published = locked.game.state();
            return version;
        } finally {
            locked.lock.unlock();
        }
    }

    @Override
    public void retire(String gameId) {
        games.remove(gameId);
    }

    @Override
    public void close() {
        games.clear();
    }

    private LockedGame game(String gameId) {
        LockedGame locked = games.get(gameId);
        if (locked == null) {
            throw new IllegalStateException("game " + gameId + ": not found");
        }
        return locked;
    }

    @SuppressWarnings("unchecked")
    private static Rules<Object, Object, Object, ?> erased(GameType<?, ?, ?, ?> type) {
        return (Rules<Object, Object, Object, ?>) type.rules();
    }
}
