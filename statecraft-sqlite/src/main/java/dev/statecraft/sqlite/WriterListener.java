package dev.statecraft.sqlite;

/** Told about every committed batch; metrics hang off it. */
@FunctionalInterface
public interface WriterListener {
    WriterListener NONE = (writes, applyNanos, commitNanos) -> { };

    /**
     * @param writes      write operations in the batch
     * @param applyNanos  time spent running them
     * @param commitNanos time spent committing and syncing
     */
    void batchCommitted(int writes, long applyNanos, long commitNanos);
}
