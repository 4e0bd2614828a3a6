package dev.statecraft.bench.durability;

import java.util.List;
import org.HdrHistogram.Histogram;

/** What {@link RawFsync} measured: syncs made in a span of time, and how long each write + sync took. */
record FsyncRate(long syncs, long nanos, int blockBytes, Histogram latencies) {

    /** Several measurements as one: their syncs over their time together. */
    static FsyncRate combine(List<FsyncRate> rates) {
        Histogram latencies = new Histogram(3);
        long syncs = 0;
        long nanos = 0;
        for (FsyncRate rate : rates) {
            syncs += rate.syncs;
            nanos += rate.nanos;
            latencies.add(rate.latencies);
        }
        return new FsyncRate(syncs, nanos, rates.getFirst().blockBytes, latencies);
    }

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
