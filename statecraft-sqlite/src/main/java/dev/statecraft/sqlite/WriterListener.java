package dev.statecraft.sqlite;

/** Told about every committed batch, and every copy of the log's rest the writer makes; metrics hang off it. */
@FunctionalInterface
public interface WriterListener {
    WriterListener NONE = (writes, applyNanos, commitNanos) -> { };

    /**
     * @param writes      write operations in the batch
     * @param applyNanos  time spent running them
     * @param commitNanos time spent committing and syncing
     */
    void batchCommitted(int writes, long applyNanos, long commitNanos);

    /**
     * The writer copied the rest of the write-ahead log back into the database file, between two batches, so
     * that the log starts again (decision record 0007): every write arriving meanwhile waited for it, and so did the
     * caller of the batch before it when that caller ran the batch itself (decision record 0010). Told of copies
     * that ran only, not of one that failed or found another checkpoint running.
     *
     * @param nanos time the copy took, its sync of the database file included
     */
    default void logCopied(long nanos) {
    }
}
