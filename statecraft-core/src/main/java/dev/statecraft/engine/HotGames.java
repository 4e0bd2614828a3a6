package dev.statecraft.engine;

import dev.statecraft.GameNotFoundException;
import dev.statecraft.store.GameRecord;
import dev.statecraft.store.Store;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The games in memory and their life there: loaded from the store and locked on first use, the least
 * recently used evicted past {@link EngineOptions#maxHotGames()}, and those idle for
 * {@link EngineOptions#passivateAfter()} passivated by the {@code statecraft-passivator} thread. A game
 * leaves memory only under its lock, after its buffered writes are flushed and every
 * {@link PassivationHook} agreed.
 */
final class HotGames {
    private static final System.Logger LOG = System.getLogger(HotGames.class.getName());

    private final Store store;
    private final GameTypes types;
    private final History history;
    private final EngineOptions options;
    private final EngineMetrics metrics;
    private final Persister persister;
    private final List<PassivationHook> passivationHooks;
    private final Clock clock;
    private final boolean readOnly;
    private final HotSet hot;
    private final Thread passivator;

    HotGames(Store store, GameTypes types, History history, EngineOptions options, EngineMetrics metrics, Persister persister,
             List<PassivationHook> passivationHooks, Clock clock, boolean readOnly) {
        this.store = store;
        this.types = types;
        this.history = history;
        this.options = options;
        this.metrics = metrics;
        this.persister = persister;
        this.passivationHooks = passivationHooks;
        this.clock = clock;
        this.readOnly = readOnly;
        this.hot = new HotSet(options.maxHotGames());
        this.passivator = options.passivateAfter().isZero() ? null
                : Thread.ofPlatform().daemon().name("statecraft-passivator").start(this::passivateIdleGames);
    }

    /** Loads the most recently active games; one that cannot be loaded stays cold and fails, clearly, on first use. */
    void warm(int count) {
        for (GameRecord record : count == 0 ? List.<GameRecord>of() : store.games().mostRecentlyActive(count)) {
            if (types.find(record.gameType()).isPresent()) {
                try {
                    acquire(record.gameId()).lock.unlock();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "game " + record.gameId() + ": not warmed at start: " + e.getMessage());
                }
            }
        }
    }

    /** The game, loaded and locked by the caller, who must unlock it; loaded from the store if it is not hot. */
    HotGame acquire(String gameId) {
        while (true) {
            HotGame game = hot.get(gameId);
            if (game == null) {
                HotGame fresh = new HotGame(gameId, options.dedupeWindow());
                fresh.lock.lock();
                game = hot.putIfAbsent(fresh);
                if (game == fresh) {
                    load(fresh);
                    evictPastBound(fresh);
                    return fresh;
                }
                fresh.lock.unlock();
            }
            game.lock.lock();
            if (!game.gone) {
                game.touch();
                metrics.hit();
                return game;
            }
            game.lock.unlock();
        }
    }

    /** Runs {@code action} on the game under its lock. */
    <T> T withGame(String gameId, Function<HotGame, T> action) {
        HotGame game = acquire(gameId);
        try {
            return action.apply(game);
        } finally {
            game.lock.unlock();
        }
    }

    /** The game if it is in memory, else null; the caller takes its lock to change it. */
    HotGame get(String gameId) {
        return hot.get(gameId);
    }

    /** The state of {@code gameId} if it is hot and loaded, else null; takes no lock. */
    LiveState hotState(String gameId) {
        HotGame game = hot.get(gameId);
        LiveState live = game == null ? null : game.live;
        if (live != null) {
            game.touch();
        }
        return live;
    }

    /** Drops a game that left for good (archived); call with its lock held. */
    void dropLocked(HotGame game) {
        game.gone = true;
        hot.remove(game);
    }

    int size() {
        return hot.size();
    }

    /** Passivates the game now if it is in memory; false if it is not, or if it had to stay. */
    boolean passivate(String gameId) {
        HotGame game = hot.get(gameId);
        if (game == null) {
            return false;
        }
        game.lock.lock();
        try {
            return !game.gone && passivateLocked(game);
        } finally {
            game.lock.unlock();
        }
    }

    /** Stops the passivator thread, waiting up to 5 s for it. */
    void stopPassivating() throws InterruptedException {
        if (passivator != null) {
            passivator.interrupt();
            passivator.join(5_000);
        }
    }

    /** Passivates every game in memory, as on close. */
    void passivateAll() {
        for (HotGame game : hot.all()) {
            passivate(game.gameId);
        }
    }

    private void load(HotGame game) {
        try {
            long started = System.nanoTime();
            GameRecord record = store.games().find(Objects.requireNonNull(game.gameId, "gameId"))
                    .orElseThrow(() -> new GameNotFoundException(game.gameId));
            game.record = record;
            game.type = types.of(record);
            History.Loaded loaded = history.load(game.type, record, options.recovery());
            game.snapshotVersion = loaded.snapshotVersion();
            game.live = loaded.live();
            game.touch();
            metrics.loaded(game.type.name(), loaded.source(), System.nanoTime() - started);
        } catch (RuntimeException e) {
            game.gone = true;
            hot.remove(game);
            game.lock.unlock();
            throw e;
        }
    }

    private void evictPastBound(HotGame keep) {
        for (HotGame victim : hot.evictionCandidates(keep)) {
            if (victim.lock.tryLock()) {
                try {
                    if (!victim.gone) {
                        passivateLocked(victim);
                    }
                } finally {
                    victim.lock.unlock();
                }
            }
        }
    }

    private boolean passivateLocked(HotGame game) {
        LiveState live = game.live;
        try {
            if (!readOnly) {
                persister.passivating(game, clock.instant().truncatedTo(ChronoUnit.MICROS));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "game " + game.gameId + ": could not flush before passivation, the game stays in memory: " + e.getMessage());
            return false;
        }
        for (PassivationHook hook : passivationHooks) {
            try {
                hook.beforePassivation(game.gameId, live.version(), live.state());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "game " + game.gameId + ": passivation hook failed, the game stays in memory", e);
                return false;
            }
        }
        game.gone = true;
        hot.remove(game);
        return true;
    }

    private void passivateIdleGames() {
        Duration idle = options.passivateAfter();
        long period = Math.max(10, Math.min(idle.toMillis() / 2, 1_000));
        while (true) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            long cutoff = System.nanoTime() - idle.toNanos();
            for (HotGame game : hot.idleSince(cutoff)) {
                if (game.lock.tryLock()) {
                    try {
                        if (!game.gone && game.lastUsedNanos - cutoff < 0) {
                            passivateLocked(game);
                        }
                    } finally {
                        game.lock.unlock();
                    }
                }
            }
        }
    }
}
