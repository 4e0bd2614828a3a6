package dev.statecraft.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Used heap after full collections, repeated until two readings in a row agree within a tolerance, so
 * that what is measured is live objects and not garbage waiting to be collected.
 */
public final class HeapGauge {
    private static final long TOLERANCE_BYTES = 64 * 1024;
    private static final int MAX_COLLECTIONS = 30;
    private static final long PAUSE_MILLIS = 50;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private int unsettledReadings;

    public HeapGauge() {
    }

    /** Live heap bytes now. A reading that never settles is still returned, and counted in {@link #unsettledReadings()}. */
    public long liveBytes() {
        long previous = -1;
        for (int collection = 0; collection < MAX_COLLECTIONS; collection++) {
            memory.gc();
            pause();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (previous >= 0 && Math.abs(used - previous) <= TOLERANCE_BYTES) {
                return used;
            }
            previous = used;
        }
        unsettledReadings++;
        System.err.printf("used heap did not settle within %d KiB over %d full collections; using the last reading, %d bytes%n",
                TOLERANCE_BYTES / 1024, MAX_COLLECTIONS, previous);
        return previous;
    }

    public int unsettledReadings() {
        return unsettledReadings;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the heap to settle", e);
        }
    }
}
