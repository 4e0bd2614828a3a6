package dev.statecraft.sqlite;

/** Waiting for the store's own threads. */
final class Threads {
    private Threads() {
    }

    /**
     * Waits until {@code thread} has ended, not giving up on an interrupt (the thread may still hold work it must finish);
     * an interrupt that came meanwhile is kept for the caller.
     */
    static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
