package dev.statecraft.bench.durability;

import org.HdrHistogram.Histogram;

/** What {@link RawFsync} measured: syncs made in a span of time, and how long each write + sync took. */
record FsyncRate(long syncs, long nanos, int blockBytes, Histogram latencies) {

    double perSecond() {
        return syncs / (nanos / 1e9);
    }

    double p50Nanos() {
        return latencies.getValueAtPercentile(50);
    }

    double p99Nanos() {
        return latencies.getValueAtPercentile(99);
    }
}
