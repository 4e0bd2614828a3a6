package dev.statecraft.bench.durability;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Acknowledgement latencies and events of many driver threads, counted between {@link #open()} and
 * {@link #close()} only: what completes during the warm-up, or after the window, is not in the figures.
 * Recording is wait-free, so a thousand threads can share one window.
 */
final class MeasuredWindow {
    private final Recorder latencies = new Recorder(3);
    private final LongAdder events = new LongAdder();
    private final LongAdder lateSends = new LongAdder();
    private final WriterBatches writer;
    private long openedAt;
    private long eventsAtOpen;
    private long lateSendsAtOpen;
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
        latencies.recordValue(nanos);
        events.add(eventCount);
    }

    /** A paced command that could not be sent within one interval of its slot, and was dropped. */
    void recordLateSend() {
        lateSends.increment();
    }

    void open() {
        latencies.getIntervalHistogram();
        eventsAtOpen = events.sum();
        lateSendsAtOpen = lateSends.sum();
        writerAtOpen = writer.read();
        openedAt = System.nanoTime();
    }

    Result close() {
        long nanos = System.nanoTime() - openedAt;
        Histogram measured = latencies.getIntervalHistogram();
        long eventCount = events.sum() - eventsAtOpen;
        WriterBatches.Activity batches = WriterBatches.Activity.between(writerAtOpen, writer.read(), nanos / 1e9);
        return new Result(nanos, measured.getTotalCount(), eventCount, lateSends.sum() - lateSendsAtOpen, measured, batches);
    }
}
