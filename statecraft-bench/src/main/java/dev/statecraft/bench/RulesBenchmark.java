package dev.statecraft.bench;

import dev.statecraft.examples.cards.CardState;
import dev.statecraft.examples.world.ZoneSettings;
import dev.statecraft.examples.world.ZoneState;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Goal (a): commands per second through {@code decide} + {@code evolve} alone, on one thread. The
 * {@code worldMovesMutable} figure is the same moves hand-written against a mutable map, measured in the
 * same run, so the cost of immutable states and events shows next to the goal.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class RulesBenchmark {

    @State(Scope.Thread)
    public static class CardTable {
        RulesOnlyCardMatches matches;

        @Setup(Level.Trial)
        public void seat() {
            matches = new RulesOnlyCardMatches(2026);
        }
    }

    @State(Scope.Thread)
    public static class ZoneOnRules {
        @Param({"4", "50"})
        public int players;
        RulesOnlyZone zone;

        @Setup(Level.Trial)
        public void enter() {
            zone = new RulesOnlyZone(players);
        }
    }

    @State(Scope.Thread)
    public static class ZoneInMutableMap {
        @Param({"4", "50"})
        public int players;
        MutableZonePositions zone;
        ZoneWalk walk;

        @Setup(Level.Trial)
        public void enter() {
            String[] playerIds = ZoneWalk.playerIds("zone", players);
            zone = MutableZonePositions.withPlayersAtSpawn(playerIds, ZoneSettings.defaults());
            walk = ZoneWalk.of(playerIds, ZoneSettings.defaults());
        }
    }

    @Benchmark
    public CardState cardMatches(CardTable table) {
        return table.matches.playOne();
    }

    @Benchmark
    public ZoneState worldMoves(ZoneOnRules zone) {
        return zone.zone.moveOne();
    }

    @Benchmark
    public int[] worldMovesMutable(ZoneInMutableMap zone) {
        ZoneWalk.Step step = zone.walk.next();
        return zone.zone.move(step.actor(), step.move());
    }
}
