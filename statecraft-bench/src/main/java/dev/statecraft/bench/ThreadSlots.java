package dev.statecraft.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The game slots one benchmark thread owns (slot {@code i} belongs to thread {@code i % threads}), visited
 * round-robin, so two threads never race for the same game's turn; and command ids unique to the thread.
 */
@State(Scope.Thread)
public class ThreadSlots {
    private int[] slots;
    private int cursor;
    private String commandPrefix;
    private long commands;

    @Setup(Level.Trial)
    public void assign(ThreadParams thread, BenchmarkParams benchmark) {
        int games = Integer.parseInt(benchmark.getParam("games"));
        int threads = thread.getThreadCount();
        int index = thread.getThreadIndex();
        if (games < threads) {
            throw new IllegalArgumentException("games must be at least the thread count, so each thread owns a game (was "
                    + games + " games for " + threads + " threads)");
        }
        slots = new int[(games - index + threads - 1) / threads];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = index + i * threads;
        }
        commandPrefix = "t" + index + "-";
    }

    int nextSlot() {
        int slot = slots[cursor];
        cursor = cursor + 1 == slots.length ? 0 : cursor + 1;
        return slot;
    }

    String nextCommandId() {
        return commandPrefix + ++commands;
    }
}
