package dev.statecraft.sqlite;

/** A {@link WriterListener} for tests that acts on each copy of the log's rest the writer makes, and ignores batches. */
final class CopyListener {
    private CopyListener() {
    }

    static WriterListener onEachCopy(Runnable action) {
        return new WriterListener() {
            @Override
            public void batchCommitted(int writes, long applyNanos, long commitNanos) {
            }

            @Override
            public void logCopied(long nanos) {
                action.run();
            }
        };
    }
}
