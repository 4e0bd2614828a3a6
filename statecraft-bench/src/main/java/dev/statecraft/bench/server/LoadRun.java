package dev.statecraft.bench.server;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What every pair of one run shares: how they should play now ({@link Pace}), the latency recorder, the
 * counters, and the timer that holds paced commands until their slot.
 */
final class LoadRun implements AutoCloseable {
    private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(2);
    private static final int SAMPLES_KEPT = 5;

    /** How pairs send their next command. */
    sealed interface Pace {
        /** Seat a match, then wait: nothing moves while the heap is measured. */
        record Hold() implements Pace {
        }

        /** Each pair sends its next command as soon as the previous one has been broadcast. */
        record Peak() implements Pace {
        }

        /** Each pair sends a command every {@code intervalNanos} at most; {@code epoch} tells pairs the pace changed. */
        record Paced(double commandsPerSecond, long intervalNanos, int epoch) implements Pace {
        }

        /** Finish the command in flight and send no more. */
        record Stop() implements Pace {
        }
    }

    final String gameType;
    private volatile Pace pace = new Pace.Hold();
    private final AtomicInteger paceEpochs = new AtomicInteger();
    private final Recorder broadcastLatency = new Recorder(HIGHEST_NANOS, 3);
    final LongAdder accepted = new LongAdder();
    final LongAdder matchesFinished = new LongAdder();
    final LongAdder lateSends = new LongAdder();
    final LongAdder latencyAboveRange = new LongAdder();
    /** Views of a match's final version that never arrived: the subscription ended (archived) first. */
    final LongAdder finalViewsLost = new LongAdder();
    final AtomicInteger seated = new AtomicInteger();
    final AtomicInteger unexpectedCloses = new AtomicInteger();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Queue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService pacer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("load-pacer").daemon().factory());

    LoadRun(String gameType) {
        this.gameType = gameType;
    }

    Pace pace() {
        return pace;
    }

    void hold() {
        pace = new Pace.Hold();
    }

    void peak() {
        pace = new Pace.Peak();
    }

    void paced(double commandsPerSecond, int pairs) {
        long interval = Math.round(pairs * 1e9 / commandsPerSecond);
        pace = new Pace.Paced(commandsPerSecond, interval, paceEpochs.incrementAndGet());
    }

    void stop() {
        pace = new Pace.Stop();
    }

    void schedule(Runnable send, long delayNanos) {
        pacer.schedule(send, delayNanos, TimeUnit.NANOSECONDS);
    }

    void broadcast(long nanos) {
        if (nanos > HIGHEST_NANOS) {
            latencyAboveRange.increment();
            nanos = HIGHEST_NANOS;
        }
        broadcastLatency.recordValue(nanos);
    }

    /** The latencies recorded since the previous call; the first call of a window discards the warm-up's. */
    Histogram latencySinceLastCall() {
        return broadcastLatency.getIntervalHistogram();
    }

    /** Counts a refusal or failure by its code, keeping the first few messages for the report. */
    void error(String code, String detail) {
        errors.computeIfAbsent(code, c -> new LongAdder()).increment();
        if (errorSamples.size() < SAMPLES_KEPT) {
            errorSamples.add(code + ": " + detail);
        }
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> errorsByCode() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        errors.forEach((code, count) -> counts.put(code, count.sum()));
        return counts;
    }

    List<String> errorSamples() {
        return List.copyOf(errorSamples);
    }

    @Override
    public void close() {
        pacer.shutdownNow();
    }
}
