package dev.statecraft.bench.server;

import dev.statecraft.bench.GcPauses;
import dev.statecraft.bench.WriterStalls;
import dev.statecraft.sqlite.WriterListener;
import java.util.Locale;

/**
 * What can stall every connection of the load server at once, for the load report to set beside the
 * latency tail: garbage-collection pauses ({@link GcPauses}), and the SQLite writer's commits whose sync took
 * long and its copies of the log ({@link WriterStalls}). {@link #readAndReset()} returns the counts so far and the
 * longest of each since the previous reading.
 */
final class ServerStalls implements WriterListener {
    private final GcPauses pauses;
    private final WriterStalls writer = new WriterStalls();

    private ServerStalls(GcPauses pauses) {
        this.pauses = pauses;
    }

    static ServerStalls watch() {
        return new ServerStalls(GcPauses.watch());
    }

    @Override
    public void batchCommitted(int writes, long applyNanos, long commitNanos) {
        writer.batchCommitted(writes, applyNanos, commitNanos);
    }

    @Override
    public void logCopied(long nanos) {
        writer.logCopied(nanos);
    }

    /**
     * {@code longestGcPauseMillis=.. slowSyncs=.. longestSyncMicros=.. logCopies=.. longestLogCopyMicros=..}; the
     * longest start again from 0.
     */
    String readAndReset() {
        return String.format(Locale.ROOT, "longestGcPauseMillis=%d slowSyncs=%d longestSyncMicros=%d logCopies=%d longestLogCopyMicros=%d",
                pauses.longestMillisAndReset(), writer.slowCommits(), writer.longestCommitNanosAndReset() / 1_000, writer.logCopies(),
                writer.longestLogCopyNanosAndReset() / 1_000);
    }
}
