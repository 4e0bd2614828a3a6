package dev.statecraft.bench.durability;

import dev.statecraft.engine.Engine;
import dev.statecraft.engine.EngineOptions;
import dev.statecraft.engine.Recovery;
import dev.statecraft.engine.Versioned;
import dev.statecraft.examples.world.World;
import dev.statecraft.sqlite.SqliteStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How long a fresh engine takes to bring back one game of a million events from SQLite: once from its
 * events alone ({@link Recovery#FROM_EVENTS}) and once from its latest snapshot plus the events after it
 * ({@link Recovery#LATEST}). The zone is built first ({@link LongZone}), the store closed; then each load
 * opens the store afresh, builds a fresh engine and times {@code engine.state(id)}, the two modes taking
 * turns, {@code repeats} times each. The store's opening (integrity check and schema migration) is timed
 * apart. The file was just written, so it is read from the operating system's page cache.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.statecraft.bench.durability.RecoveryTime [--events 1000000] [--repeats 3]
 * [--players 4] [--data folder] [--keep]}
 */
public final class RecoveryTime {
    private static final String EVENTS = "--events";
    private static final String REPEATS = "--repeats";
    private static final String PLAYERS = "--players";
    private static final String LOADS_TIMER = "statecraft.games.loads.time";

    /** One run's shape, validated when made. */
    record Settings(int events, int repeats, int playersPerZone) {
        Settings {
            if (playersPerZone < 1 || playersPerZone > 500) throw new IllegalArgumentException("players must be 1 to 500 (was " + playersPerZone + ")");
            if (events < playersPerZone) throw new IllegalArgumentException("events must be at least players, " + playersPerZone + " (was " + events + ")");
            if (repeats < 1) throw new IllegalArgumentException("repeats must be > 0 (was " + repeats + ")");
        }
    }

    /** One timed load: the store's opening, the load itself, where the engine said it loaded from, and the state it reached. */
    record Load(Recovery recovery, long openNanos, long loadNanos, String source, Versioned<Object> state) {
    }

    private RecoveryTime() {
    }

    public static void main(String[] args) {
        DriverArgs options = DriverArgs.parse(args, Set.of(EVENTS, REPEATS, PLAYERS));
        Settings settings = new Settings(options.integer(EVENTS, 1_000_000), options.integer(REPEATS, 3), options.integer(PLAYERS, 4));
        try (ScratchFolder folder = ScratchFolder.create(options.dataParent(), "recovery-time", options.keepData())) {
            run(settings, folder).print(System.out);
        }
    }

    static RecoveryReport run(Settings settings, ScratchFolder folder) {
        LongZone.Built built;
        try (SqliteStore store = SqliteStore.open(folder.storeFile())) {
            built = LongZone.build(store, settings.events(), settings.playersPerZone());
        }
        long storeBytes = folder.bytesOf(folder.storeFile().getFileName().toString());
        Map<Recovery, List<Load>> loads = new EnumMap<>(Recovery.class);
        for (int repeat = 0; repeat < settings.repeats(); repeat++) {
            for (Recovery recovery : List.of(Recovery.FROM_EVENTS, Recovery.LATEST)) {
                Load load = load(folder, recovery);
                if (load.state().version() != built.lastVersion()) {
                    throw new IllegalStateException("zone " + LongZone.ZONE_ID + " loaded with " + recovery + " at version " + load.state().version()
                            + " but the store's last version is " + built.lastVersion());
                }
                loads.computeIfAbsent(recovery, r -> new ArrayList<>()).add(load);
            }
        }
        Object fromEvents = loads.get(Recovery.FROM_EVENTS).getFirst().state().value();
        Object fromSnapshot = loads.get(Recovery.LATEST).getFirst().state().value();
        return new RecoveryReport(settings, folder.describe(), built, storeBytes, loads, fromEvents.equals(fromSnapshot));
    }

    private static Load load(ScratchFolder folder, Recovery recovery) {
        long started = System.nanoTime();
        try (SqliteStore store = SqliteStore.open(folder.storeFile())) {
            long opened = System.nanoTime();
            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            try (Engine engine = Engine.builder().store(store).register(World.TYPE).metrics(metrics)
                    .options(EngineOptions.defaults().withRecovery(recovery)).build()) {
                long loadStarted = System.nanoTime();
                Versioned<Object> state = engine.state(LongZone.ZONE_ID);
                long loaded = System.nanoTime();
                String source = metrics.get(LOADS_TIMER).timer().getId().getTag("source");
                return new Load(recovery, opened - started, loaded - loadStarted, source, state);
            }
        }
    }
}
