package dev.statecraft.bench.durability;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * Acknowledgement latencies and events of many driver threads, counted between {@link #open()} and
 * {@link #close()} only: what completes during the warm-up, or after the window, is not in the figures.
 * Recording is wait-free, so a thousand threads can share one window. A command's latency and its events are
 * recorded into the same {@link Counts}, which opening and closing swap whole once no thread still records into
 * them, so a window counts both or neither of every command.
 */
final class MeasuredWindow {
    /** What the driver threads record into until the next swap. */
    private record Counts(Histogram latencies, LongAdder events, LongAdder lateSends) {
        static Counts empty() {
            return new Counts(new ConcurrentHistogram(3), new LongAdder(), new LongAdder());
        }
    }

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile Counts counting = Counts.empty();
    private final WriterBatches writer;
    private long openedAt;
    private WriterBatches.Reading writerAtOpen;

    /** What was measured in the window. */
    record Result(long nanos, long commands, long events, long lateSends, Histogram latencies, WriterBatches.Activity writer) {
        /** Several windows as one: their commands and events over their time together. */
        static Result combine(List<Result> windows) {
            Histogram latencies = new Histogram(3);
            long nanos = 0;
            long commands = 0;
            long events = 0;
            long lateSends = 0;
            for (Result window : windows) {
                nanos += window.nanos;
                commands += window.commands;
                events += window.events;
                lateSends += window.lateSends;
                latencies.add(window.latencies);
            }
            return new Result(nanos, commands, events, lateSends, latencies,
                    WriterBatches.Activity.combine(windows.stream().map(Result::writer).toList(), nanos / 1e9));
        }

        double seconds() {
            return nanos / 1e9;
        }

        double eventsPerSecond() {
            return events / seconds();
        }

        double commandsPerSecond() {
            return commands / seconds();
        }

        double p50Nanos() {
            return latencies.getValueAtPercentile(50);
        }

        double p99Nanos() {
            return latencies.getValueAtPercentile(99);
        }
    }

    MeasuredWindow(WriterBatches writer) {
        this.writer = writer;
    }

    /** One acknowledged command: how long {@code submit} took and how many events it wrote. */
    void record(long nanos, int eventCount) {
        long stamp = phaser.writerCriticalSectionEnter();
        try {
            Counts counts = counting;
            counts.latencies().recordValue(nanos);
            counts.events().add(eventCount);
        } finally {
            phaser.writerCriticalSectionExit(stamp);
        }
    }

    /** A paced command that could not be sent within one interval of its slot, and was dropped. */
    void recordLateSend() {
        long stamp = phaser.writerCriticalSectionEnter();
        try {
            counting.lateSends().increment();
        } finally {
            phaser.writerCriticalSectionExit(stamp);
        }
    }

    /** Starts new counts and returns the ones before, once no thread is still recording into them. */
    private Counts swap() {
        phaser.readerLock();
        try {
            Counts done = counting;
            counting = Counts.empty();
            phaser.flipPhase();
            return done;
        } finally {
            phaser.readerUnlock();
        }
    }

    void open() {
        swap();
        writerAtOpen = writer.read();
        openedAt = System.nanoTime();
    }

    Result close() {
        long nanos = System.nanoTime() - openedAt;
        Counts measured = swap();
        WriterBatches.Activity batches = WriterBatches.Activity.between(writerAtOpen, writer.read(), nanos / 1e9);
        return new Result(nanos, measured.latencies().getTotalCount(), measured.events().sum(), measured.lateSends().sum(), measured.latencies(),
                batches);
    }
}
