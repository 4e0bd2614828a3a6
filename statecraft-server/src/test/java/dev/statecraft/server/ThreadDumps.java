package dev.statecraft.server;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes every thread's stack, virtual threads included, when a test waited in vain: a stall is found from that file. */
final class ThreadDumps {
    private ThreadDumps() {
    }

    /** The file written, under target/stalls, or a sentence saying why none was. */
    static String write(String why) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "stalls"));
            Path file = folder.resolve("stall-" + System.nanoTime() + ".txt");
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toAbsolutePath().toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
            Files.writeString(file, "\n" + why + "\n", java.nio.file.StandardOpenOption.APPEND);
            return "threads dumped to " + file.toAbsolutePath();
        } catch (IOException | RuntimeException e) {
            return "no thread dump: " + e;
        }
    }
}
