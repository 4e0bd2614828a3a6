package dev.statecraft.bench.durability;

import dev.statecraft.engine.Engine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Driver threads, each moving its own zones round-robin through one engine until stopped, every
 * acknowledgement recorded in a {@link MeasuredWindow}. A zone belongs to one thread, so its commands
 * are sequential: the next is sent when the previous one is acknowledged. The first failure of any
 * thread stops them all and is thrown by {@link #runFor} and {@link #stop}.
 *
 * <p>Unpaced, a thread sends its next command as soon as the previous one is acknowledged (a closed loop:
 * the latency at that rate is mostly waiting behind the other threads' commands, threads ÷ rate). Paced,
 * each thread sends at most one command per slot, its slots {@code threads / commandsPerSecond} apart and
 * the first at a random point of the first interval, so the threads together send at the target rate. A
 * paced command's latency is timed from its slot, not from when it was sent, so that a send held up by
 * the game's previous command (or by the driver waking late) counts against the store; a slot missed by
 * more than one interval is dropped and counted as a late send, and the schedule is kept.
 */
final class LoadThreads {
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopping;

    private LoadThreads() {
    }

    /** Starts one unpaced thread from {@code builder} per list of zones. */
    static LoadThreads start(Thread.Builder builder, Engine engine, List<List<ZoneDriver>> zonesPerThread, MeasuredWindow window) {
        return start(builder, engine, zonesPerThread, window, 0);
    }

    /** Starts one thread from {@code builder} per list of zones, the threads together sending {@code commandsPerSecond}. */
    static LoadThreads startPaced(Thread.Builder builder, Engine engine, List<List<ZoneDriver>> zonesPerThread, MeasuredWindow window,
                                  double commandsPerSecond) {
        if (!(commandsPerSecond > 0)) {
            throw new IllegalArgumentException("commands per second must be > 0 (was " + commandsPerSecond + ")");
        }
        return start(builder, engine, zonesPerThread, window, Math.max(1, Math.round(zonesPerThread.size() * 1e9 / commandsPerSecond)));
    }

    private static LoadThreads start(Thread.Builder builder, Engine engine, List<List<ZoneDriver>> zonesPerThread, MeasuredWindow window,
                                     long intervalNanos) {
        LoadThreads load = new LoadThreads();
        for (List<ZoneDriver> zones : zonesPerThread) {
            load.threads.add(builder.start(() -> load.drive(engine, zones, window, intervalNanos)));
        }
        return load;
    }

    /** Zone {@code i} goes to thread {@code i % threads}. */
    static List<List<ZoneDriver>> split(List<ZoneDriver> zones, int threads) {
        if (threads < 1 || threads > zones.size()) {
            throw new IllegalArgumentException("threads must be 1 to the number of zones, " + zones.size() + " (was " + threads + ")");
        }
        List<List<ZoneDriver>> split = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            split.add(new ArrayList<>());
        }
        for (int i = 0; i < zones.size(); i++) {
            split.get(i % threads).add(zones.get(i));
        }
        return split;
    }

    private void drive(Engine engine, List<ZoneDriver> zones, MeasuredWindow window, long intervalNanos) {
        try {
            int next = 0;
            long slot = System.nanoTime() + (intervalNanos == 0 ? 0 : ThreadLocalRandom.current().nextLong(intervalNanos));
            while (!stopping) {
                if (intervalNanos > 0) {
                    long now = System.nanoTime();
                    if (slot > now) {
                        LockSupport.parkNanos(slot - now);
                        continue;
                    }
                    for (; slot < now - intervalNanos; slot += intervalNanos) {
                        window.recordLateSend();
                    }
                }
                long started = intervalNanos > 0 ? slot : System.nanoTime();
                slot += intervalNanos;
                ZoneDriver zone = zones.get(next);
                next = next + 1 == zones.size() ? 0 : next + 1;
                int events = zone.move(engine);
                window.record(System.nanoTime() - started, events);
            }
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            stopping = true;
        }
    }

    /**
     * Lets the threads run for {@code duration}, failing as soon as one of them has; the caller then still
     * calls {@link #stop} (in a {@code finally}), which waits for the others.
     */
    void runFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        try {
            for (long left = duration.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                Thread.sleep(Math.max(1, Math.min(100, left / 1_000_000)));
                throwIfFailed();
            }
        } catch (InterruptedException e) {
            stopping = true;
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the load was running", e);
        }
    }

    /** Stops every thread after its current command and waits for them. */
    void stop() {
        stopping = true;
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        throwIfFailed();
    }

    private void throwIfFailed() {
        Throwable first = failure.get();
        if (first != null) {
            stopping = true;
            throw new IllegalStateException("a driver thread failed: " + first.getMessage(), first);
        }
    }
}
