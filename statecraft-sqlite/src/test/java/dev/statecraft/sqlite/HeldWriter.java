package dev.statecraft.sqlite;

import java.util.concurrent.CountDownLatch;

/** For tests that need several writes in one batch. */
final class HeldWriter {
    private HeldWriter() {
    }

    /**
     * Holds the writer in a batch of its own until the latch returned is counted down, so that the writes submitted
     * meanwhile make the next batch together.
     */
    static CountDownLatch hold(GroupCommitWriter writer) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch hold = new CountDownLatch(1);
        writer.submit((session, versions, journal) -> {
            holding.countDown();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        holding.await();
        return hold;
    }
}
