package dev.statecraft.bench.server;

import java.lang.management.ManagementFactory;

/** What this JVM has used since it started, read the same way in the load server and in its driver. */
final class ProcessCounters {
    private ProcessCounters() {
    }

    /** CPU time of every thread of the process. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Heap bytes every thread allocated: exited threads' too, and virtual threads' (counted on their carriers). */
    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }
}
