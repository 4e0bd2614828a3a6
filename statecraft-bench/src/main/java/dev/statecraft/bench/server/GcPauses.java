package dev.statecraft.bench.server;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The longest garbage-collection pause of this JVM since the previous reading, from the JVM's collection
 * notifications. A collector's concurrent cycles, which do not stop the program, are left out. The load
 * server watches its own pauses with it, and the driver its own: a pause in the driver delays the arrival
 * stamp of every message it was about to read, so it shows in the measured latency as much as one in the server.
 */
final class GcPauses {
    private final AtomicLong longestMillis = new AtomicLong();

    private GcPauses() {
    }

    static GcPauses watch() {
        GcPauses pauses = new GcPauses();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!collector.getName().contains("Cycles") && collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        long millis = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo().getDuration();
                        pauses.longestMillis.accumulateAndGet(millis, Math::max);
                    }
                }, null, null);
            }
        }
        return pauses;
    }

    /** The longest pause since the previous call (or since watching began); the next call starts again from 0. */
    long longestMillisAndReset() {
        return longestMillis.getAndSet(0);
    }
}
