package dev.statecraft.bench.server;

import dev.statecraft.sqlite.WriterListener;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What can stall every connection of the load server at once, for the load report to set beside the
 * latency tail: garbage-collection pauses ({@link GcPauses}) and store commits whose sync took long (from
 * the SQLite writer). {@link #readAndReset()} returns the counts so far and the longest of each since the
 * previous reading.
 */
final class ServerStalls implements WriterListener {
    static final long SLOW_SYNC_NANOS = 5_000_000;

    private final GcPauses pauses;
    private final AtomicLong longestSyncNanos = new AtomicLong();
    private final AtomicLong slowSyncs = new AtomicLong();

    private ServerStalls(GcPauses pauses) {
        this.pauses = pauses;
    }

    static ServerStalls watch() {
        return new ServerStalls(GcPauses.watch());
    }
    @Override
    public void batchCommitted(int writes, long applyNanos, long commitNanos) {
        longestSyncNanos.accumulateAndGet(commitNanos, Math::max);
        if (commitNanos > SLOW_SYNC_NANOS) {
            slowSyncs.incrementAndGet();
        }
    }

    /** {@code longestGcPauseMillis=.. slowSyncs=.. longestSyncMicros=..}; the two longest start again from 0. */
    String readAndReset() {
        return String.format(Locale.ROOT, "longestGcPauseMillis=%d slowSyncs=%d longestSyncMicros=%d",
                pauses.longestMillisAndReset(), slowSyncs.get(), longestSyncNanos.getAndSet(0) / 1_000);
    }
}
