package dev.statecraft.engine;

import dev.statecraft.rules.GameType;
import dev.statecraft.store.Store;
import dev.statecraft.store.StoreProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/** Configures an {@link Engine}; {@link #build()} validates and starts it. */
public final class EngineBuilder {
    private Store store;
    /** Where the default store keeps its files unless told otherwise. */
    public static final Path DEFAULT_DATA_FOLDER = Path.of("data");

    private Path dataFolder = DEFAULT_DATA_FOLDER;
    private MeterRegistry metrics;
    private final Map<String, GameType<?, ?, ?, ?>> gameTypes = new LinkedHashMap<>();
    private EngineOptions options = EngineOptions.defaults();
    private Clock clock = Clock.systemUTC();
    private Long seed;
    private final List<PassivationHook> passivationHooks = new ArrayList<>();
    private boolean readOnly;

    EngineBuilder() {
    }

    /** The store the engine writes to. The caller keeps ownership: closing the engine does not close it. */
    public EngineBuilder store(Store store) {
        this.store = Objects.requireNonNull(store, "store");
        return this;
    }

    /** Where the default store keeps its files when no {@link #store(Store)} is given; {@code ./data} by default. */
    public EngineBuilder dataFolder(Path folder) {
        this.dataFolder = Objects.requireNonNull(folder, "folder");
        return this;
    }

    /** The registry the engine's meters go to; a private one by default. */
    public EngineBuilder metrics(MeterRegistry registry) {
        this.metrics = Objects.requireNonNull(registry, "registry");
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

    /**
     * An engine that only reads: commands are rejected with {@code read-only}, games cannot be created or
     * archived, and nothing is written when games leave memory. For inspecting a data folder.
     */
    public EngineBuilder readOnly() {
        this.readOnly = true;
        return this;
    }

    public EngineBuilder onPassivation(PassivationHook hook) {
        passivationHooks.add(Objects.requireNonNull(hook, "hook"));
        return this;
    }

    /**
     * Starts the engine. Without {@link #store(Store)}, opens the default store (SQLite in the data
     * folder, when statecraft-sqlite is on the class path) and closes it with the engine.
     */
    public Engine build() {
        if (gameTypes.isEmpty()) {
            throw new IllegalStateException("no game types registered: call register(...) with at least one GameType");
        }
        long rootSeed = seed != null ? seed : new SecureRandom().nextLong();
        MeterRegistry registry = metrics != null ? metrics : new SimpleMeterRegistry();
        boolean ownsStore = store == null;
        Store chosen = ownsStore ? openDefaultStore(registry) : store;
        try {
            return new LocalEngine(chosen, ownsStore, readOnly, List.copyOf(gameTypes.values()), options, clock, rootSeed,
                    List.copyOf(passivationHooks), registry);
        } catch (RuntimeException e) {
            if (ownsStore) {
                chosen.close();
            }
            throw e;
        }
    }

    private Store openDefaultStore(MeterRegistry registry) {
        return ServiceLoader.load(StoreProvider.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no store configured and no default store on the class path: add "
                        + "statecraft-sqlite (SQLite in ./data) or call store(...), for example store(InMemoryStore.create())"))
                .open(dataFolder, registry);
    }
}
