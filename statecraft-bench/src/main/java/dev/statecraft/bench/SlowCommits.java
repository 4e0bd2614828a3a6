package dev.statecraft.bench;

import dev.statecraft.sqlite.WriterListener;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The SQLite writer's commits whose commit + sync took over {@link #THRESHOLD_NANOS}: every durable command in
 * such a commit, or queued behind it, waits that long. Counts them since it was made, and keeps the longest
 * commit since the previous {@link #longestNanosAndReset()}.
 */
public final class SlowCommits implements WriterListener {
    public static final long THRESHOLD_NANOS = 5_000_000;

    private final LongAdder slow = new LongAdder();
    private final AtomicLong longestNanos = new AtomicLong();

    @Override
    public void batchCommitted(int writes, long applyNanos, long commitNanos) {
        longestNanos.accumulateAndGet(commitNanos, Math::max);
        if (commitNanos > THRESHOLD_NANOS) {
            slow.increment();
        }
    }

    /** Commits over the threshold so far. */
    public long count() {
        return slow.sum();
    }

    /** The longest commit + sync since the previous call; the next call starts again from 0. */
    public long longestNanosAndReset() {
        return longestNanos.getAndSet(0);
    }
}
