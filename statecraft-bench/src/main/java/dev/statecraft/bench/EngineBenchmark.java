package dev.statecraft.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Goal (b): commands per second through the Engine API over {@code games} live games, with the threads
 * given by {@code -t}. Each figure is measured twice in the same run, {@code host=engine} and the
 * {@code host=handRolled} baseline (a map, a lock per game, decide + evolve), by the same driver code.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {

    @Benchmark
    public long worldMoves(ZonesUnderLoad zones, ThreadSlots mine) {
        return zones.moveOne(mine.nextSlot(), mine.nextCommandId());
    }

    @Benchmark
    public Object cards(MatchesUnderLoad matches, ThreadSlots mine) {
        return matches.playOne(mine.nextSlot(), mine.nextCommandId());
    }
}
