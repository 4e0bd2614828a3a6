package dev.statecraft.bench.server;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.statecraft.sqlite.WriterListener;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * What can stall every connection of the load server at once, for the load report to set beside the
 * latency tail: garbage-collection pauses (from the JVM's collection notifications; a collector's
 * concurrent cycles, which do not stop the server, are left out) and store commits whose sync took long
 * (from the SQLite writer). {@link #readAndReset()} returns the counts so far and the longest of each since
 * the previous reading.
 */
final class ServerStalls implements WriterListener {
    static final long SLOW_SYNC_NANOS = 5_000_000;

    private final AtomicLong longestPauseMillis = new AtomicLong();
    private final AtomicLong longestSyncNanos = new AtomicLong();
    private final AtomicLong slowSyncs = new AtomicLong();

    private ServerStalls() {
    }

    static ServerStalls watch() {
        ServerStalls stalls = new ServerStalls();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!collector.getName().contains("Cycles") && collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        long millis = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo().getDuration();
                        stalls.longestPauseMillis.accumulateAndGet(millis, Math::max);
                    }
                }, null, null);
            }
        }
        return stalls;
    }

    @Override
    public void batchCommitted(int writes, long applyNanos, long commitNanos) {
        longestSyncNanos.accumulateAndGet(commitNanos, Math::max);
        if (commitNanos > SLOW_SYNC_NANOS) {
            slowSyncs.incrementAndGet();
        }
    }

    /** {@code longestGcPauseMillis=.. slowSyncs=.. longestSyncMicros=..}; the two longest start again from 0. */
    String readAndReset() {
        return String.format(Locale.ROOT, "longestGcPauseMillis=%d slowSyncs=%d longestSyncMicros=%d",
                longestPauseMillis.getAndSet(0), slowSyncs.get(), longestSyncNanos.getAndSet(0) / 1_000);
    }
}
