package dev.statecraft.bench;

import dev.statecraft.engine.Engine;
import dev.statecraft.engine.EngineOptions;
import dev.statecraft.examples.cards.Cards;
import dev.statecraft.store.memory.InMemoryStore;
import java.lang.ref.Reference;
import java.time.Duration;

/**
 * Goal (c): the engine's own bytes per hot game, besides the game's state. Loads N mid-game card matches
 * and N mid-game world zones, holds every state in an array, and reads the live heap with all games hot,
 * then after passivating the matches, then after passivating the zones: what passivation freed is what the
 * engine kept per hot game. Then, in the same run, the bytes of the states themselves and of the
 * hand-rolled baselines (a ConcurrentHashMap from id to state, with and without a lock per game).
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.statecraft.bench.HotGameFootprint [N]} (N defaults to 100,000).
 */
public final class HotGameFootprint {
    private static final int DEFAULT_GAMES = 100_000;

    private HotGameFootprint() {
    }

    public static void main(String[] args) {
        int games = args.length == 0 ? DEFAULT_GAMES : gamesFrom(args[0]);
        FootprintReport report = measure(games);
        report.print(System.out);
    }

    static FootprintReport measure(int games) {
        HeapGauge gauge = new HeapGauge();
        EngineOptions options = EngineOptions.defaults()
                .withPassivateAfter(Duration.ZERO)
                .withMaxHotGames(2 * games);
        FootprintReport.Builder report = FootprintReport.builder(games);
        try (InMemoryStore store = InMemoryStore.create();
             Engine engine = Engine.builder().store(store).register(Cards.TYPE, MidGameLoad.EVENT_SOURCED_WORLD).options(options).build()) {
            LoadedGames matches = MidGameLoad.cardMatches(engine, games);
            LoadedGames zones = MidGameLoad.zones(engine, games);
            requireHotGames(engine, 2 * games);

            long allHot = gauge.liveBytes();
            passivateAll(engine, matches);
            long matchesPassivated = gauge.liveBytes();
            passivateAll(engine, zones);
            long allPassivated = gauge.liveBytes();
            requireHotGames(engine, 0);
            report.enginePerGame(perGame(allHot - matchesPassivated, games), perGame(matchesPassivated - allPassivated, games));
            report.heapReadings(allHot, matchesPassivated, allPassivated);

            report.mapPerEntry(
                    MapBaselines.bytesPerEntry(gauge, matches, MapBaselines::statesById),
                    MapBaselines.bytesPerEntry(gauge, zones, MapBaselines::statesById));
            report.lockedMapPerEntry(
                    MapBaselines.bytesPerEntry(gauge, matches, MapBaselines::lockedStatesById),
                    MapBaselines.bytesPerEntry(gauge, zones, MapBaselines::lockedStatesById));

            long withStates = gauge.liveBytes();
            matches.dropStates();
            long withoutMatchStates = gauge.liveBytes();
            zones.dropStates();
            long withoutStates = gauge.liveBytes();
            report.statePerGame(perGame(withStates - withoutMatchStates, games), perGame(withoutMatchStates - withoutStates, games));

            Reference.reachabilityFence(matches);
            Reference.reachabilityFence(zones);
            Reference.reachabilityFence(engine);
        }
        return report.unsettledReadings(gauge.unsettledReadings()).build();
    }

    private static void passivateAll(Engine engine, LoadedGames games) {
        for (int i = 0; i < games.count(); i++) {
            if (!engine.passivate(games.id(i))) {
                throw new IllegalStateException("game " + games.id(i) + " was expected hot but was not");
            }
        }
    }

    private static void requireHotGames(Engine engine, int expected) {
        if (engine.hotGameCount() != expected) {
            throw new IllegalStateException("expected " + expected + " hot games but the engine holds " + engine.hotGameCount()
                    + "; something passivated or evicted games during the measurement");
        }
    }

    private static double perGame(long bytes, int games) {
        return bytes / (double) games;
    }

    private static int gamesFrom(String arg) {
        try {
            int games = Integer.parseInt(arg.replace("_", "").replace(",", ""));
            if (games < 1) {
                throw new IllegalArgumentException("N must be > 0 (was " + games + ")");
            }
            return games;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("N must be a number of games such as 100000 (was '" + arg + "')", e);
        }
    }
}
