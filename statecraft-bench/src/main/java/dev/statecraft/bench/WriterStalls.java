package dev.statecraft.bench;

import dev.statecraft.sqlite.WriterListener;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What holds up the SQLite writer, and so every durable command in its batch or queued behind it: the longest run of
 * a batch's SQL, commits whose commit + sync took over {@link #SLOW_COMMIT_NANOS}, and the writer's copies of the rest
 * of the log between two batches (decision record 0007). Counts the commits and copies since it was made, and keeps
 * the longest of each since the previous reading of it.
 */
public final class WriterStalls implements WriterListener {
    public static final long SLOW_COMMIT_NANOS = 5_000_000;

    private final AtomicLong longestApplyNanos = new AtomicLong();
    private final LongAdder slowCommits = new LongAdder();
    private final AtomicLong longestCommitNanos = new AtomicLong();
    private final LongAdder logCopies = new LongAdder();
    private final AtomicLong longestLogCopyNanos = new AtomicLong();

    @Override
    public void batchCommitted(int writes, long applyNanos, long commitNanos) {
        longestApplyNanos.accumulateAndGet(applyNanos, Math::max);
        longestCommitNanos.accumulateAndGet(commitNanos, Math::max);
        if (commitNanos > SLOW_COMMIT_NANOS) {
            slowCommits.increment();
        }
    }

    @Override
    public void logCopied(long nanos) {
        logCopies.increment();
        longestLogCopyNanos.accumulateAndGet(nanos, Math::max);
    }

    /** The longest run of a batch's SQL since the previous call; the next call starts again from 0. */
    public long longestApplyNanosAndReset() {
        return longestApplyNanos.getAndSet(0);
    }

    /** Commits over the threshold so far. */
    public long slowCommits() {
        return slowCommits.sum();
    }

    /** The longest commit + sync since the previous call; the next call starts again from 0. */
    public long longestCommitNanosAndReset() {
        return longestCommitNanos.getAndSet(0);
    }

    /** The writer's copies of the log so far. */
    public long logCopies() {
        return logCopies.sum();
    }

    /** The longest of the writer's copies of the log since the previous call; the next call starts again from 0. */
    public long longestLogCopyNanosAndReset() {
        return longestLogCopyNanos.getAndSet(0);
    }
}
