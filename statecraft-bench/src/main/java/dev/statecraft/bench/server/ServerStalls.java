package dev.statecraft.bench.server;

import dev.statecraft.bench.SlowCommits;
import dev.statecraft.sqlite.WriterListener;
import java.util.Locale;

/**
 * What can stall every connection of the load server at once, for the load report to set beside the
 * latency tail: garbage-collection pauses ({@link GcPauses}) and store commits whose sync took long (from
 * the SQLite writer). {@link #readAndReset()} returns the counts so far and the longest of each since the
 * previous reading.
 */
final class ServerStalls implements WriterListener {
    private final GcPauses pauses;
    private final SlowCommits slowCommits = new SlowCommits();

    private ServerStalls(GcPauses pauses) {
        this.pauses = pauses;
    }

    static ServerStalls watch() {
        return new ServerStalls(GcPauses.watch());
    }
    @Override
    public void batchCommitted(int writes, long applyNanos, long commitNanos) {
        slowCommits.batchCommitted(writes, applyNanos, commitNanos);
    }

    /** {@code longestGcPauseMillis=.. slowSyncs=.. longestSyncMicros=..}; the two longest start again from 0. */
    String readAndReset() {
        return String.format(Locale.ROOT, "longestGcPauseMillis=%d slowSyncs=%d longestSyncMicros=%d",
                pauses.longestMillisAndReset(), slowCommits.count(), slowCommits.longestNanosAndReset() / 1_000);
    }
}
