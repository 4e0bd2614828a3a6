package dev.statecraft.engine;

import dev.statecraft.rules.GameType;
import dev.statecraft.store.Store;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Configures an {@link Engine}; {@link #build()} validates and starts it. */
public final class EngineBuilder {
    private Store store;
    private final Map<String, GameType<?, ?, ?, ?>> gameTypes = new LinkedHashMap<>();
    private EngineOptions options = EngineOptions.defaults();
    private Clock clock = Clock.systemUTC();
    private Long seed;
    private final List<PassivationHook> passivationHooks = new ArrayList<>();

    EngineBuilder() {
    }

    /** The store the engine appends to. The caller keeps ownership: closing the engine does not close it. */
    public EngineBuilder store(Store store) {
        this.store = Objects.requireNonNull(store, "store");
        return this;
    }

    public EngineBuilder register(GameType<?, ?, ?, ?>... types) {
        for (GameType<?, ?, ?, ?> type : types) {
            GameType<?, ?, ?, ?> previous = gameTypes.putIfAbsent(type.name(), type);
            if (previous != null && previous != type) {
                throw new IllegalArgumentException("two game types are named " + type.name());
            }
        }
        return this;
    }

    public EngineBuilder options(EngineOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        return this;
    }

    /** The clock decisions and events are stamped with; {@link Clock#systemUTC()} by default. */
    public EngineBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Seeds the random generators given to {@code decide}, for reproducible runs; secure-random by default. */
    public EngineBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    public EngineBuilder onPassivation(PassivationHook hook) {
        passivationHooks.add(Objects.requireNonNull(hook, "hook"));
        return this;
    }

    public Engine build() {
        if (store == null) {
            throw new IllegalStateException("no store configured: call store(...), for example store(InMemoryStore.create())");
        }
        if (gameTypes.isEmpty()) {
            throw new IllegalStateException("no game types registered: call register(...) with at least one GameType");
        }
        long rootSeed = seed != null ? seed : new SecureRandom().nextLong();
        return new LocalEngine(store, List.copyOf(gameTypes.values()), options, clock, rootSeed, List.copyOf(passivationHooks));
    }
}
