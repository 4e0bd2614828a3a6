package dev.statecraft.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The garbage-collection pauses of this JVM: how many so far, and the longest since the previous reading, from the
 * JVM's collection notifications. A collector's concurrent cycles, which do not stop the program, are left out. The
 * load server watches its own pauses with it, and the driver its own: a pause in the driver delays the arrival stamp
 * of every message it was about to read, so it shows in the measured latency as much as one in the server. The
 * durability drivers watch theirs, which is the engine's and the store's JVM too: a pause stops the writer as well.
 */
public final class GcPauses {
    private final AtomicLong longestMillis = new AtomicLong();
    private final LongAdder pauses = new LongAdder();

    private GcPauses() {
    }

    public static GcPauses watch() {
        GcPauses pauses = new GcPauses();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!collector.getName().contains("Cycles") && collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        long millis = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo().getDuration();
                        pauses.longestMillis.accumulateAndGet(millis, Math::max);
                        pauses.pauses.increment();
                    }
                }, null, null);
            }
        }
        return pauses;
    }

    /** Pauses since watching began. */
    public long pauses() {
        return pauses.sum();
    }

    /** The longest pause since the previous call (or since watching began); the next call starts again from 0. */
    public long longestMillisAndReset() {
        return longestMillis.getAndSet(0);
    }
}
