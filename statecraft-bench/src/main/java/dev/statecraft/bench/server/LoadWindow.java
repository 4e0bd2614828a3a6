package dev.statecraft.bench.server;

import dev.statecraft.bench.GcPauses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One measured stretch of a run: the counters and the server's and driver's CPU read at its start and
 * end, and the broadcast latencies recorded in between.
 */
final class LoadWindow {
    private final LoadRun run;
    private final ServerProcess server;
    private final GcPauses driverPauses;
    private final long startNanos;
    private final long accepted;
    private final long errors;
    private final long late;
    private final long matches;
    private final long driverCpu;
    private final long driverAllocated;
    private final Map<String, String> serverStats;
    private final String loadAverage;

    /** What a window measured. */
    record Result(String mode, double targetPerSecond, double seconds, double commandsPerSecond, long commands, Histogram latency,
                  long errors, long lateSends, long matchesFinished, double serverCores, double driverCores, double serverGcShare,
                  long serverGcCount, double serverAllocatedPerCommand, double driverAllocatedPerCommand, long longestGcPauseMillis,
                  long driverLongestGcPauseMillis, long slowSyncs, long longestSyncMicros,
                  long logCopies, long longestLogCopyMicros, String loadAverageAtStart, String loadAverageAtEnd) {
    }

    private LoadWindow(LoadRun run, ServerProcess server, GcPauses driverPauses) {
        this.run = run;
        this.server = server;
        this.driverPauses = driverPauses;
        this.serverStats = server.stats();
        driverPauses.longestMillisAndReset();
        this.loadAverage = loadAverage();
        run.latencySinceLastCall();
        this.startNanos = System.nanoTime();
        this.accepted = run.accepted.sum();
        this.errors = run.errorCount();
        this.late = run.lateSends.sum();
        this.matches = run.matchesFinished.sum();
        this.driverCpu = ProcessCounters.cpuNanos();
        this.driverAllocated = ProcessCounters.allocatedBytes();
    }

    /** Lets the run warm up for {@code warmup}, then measures it for {@code measured}. */
    static Result measure(LoadRun run, ServerProcess server, GcPauses driverPauses, String mode, double targetPerSecond, Duration warmup,
                          Duration measured) {
        sleep(warmup);
        LoadWindow window = new LoadWindow(run, server, driverPauses);
        sleep(measured);
        return window.close(mode, targetPerSecond);
    }

    private Result close(String mode, double targetPerSecond) {
        long elapsed = System.nanoTime() - startNanos;
        Histogram latency = run.latencySinceLastCall();
        long commands = run.accepted.sum() - accepted;
        double driverCores = (double) (ProcessCounters.cpuNanos() - driverCpu) / elapsed;
        Map<String, String> end = server.stats();
        double serverCores = (double) (number(end, "cpuNanos") - number(serverStats, "cpuNanos")) / elapsed;
        long gcMillis = number(end, "gcMillis") - number(serverStats, "gcMillis");
        long gcCount = number(end, "gcCount") - number(serverStats, "gcCount");
        double serverAllocatedPerCommand = perCommand(number(end, "allocatedBytes") - number(serverStats, "allocatedBytes"), commands);
        double driverAllocatedPerCommand = perCommand(ProcessCounters.allocatedBytes() - driverAllocated, commands);
        return new Result(mode, targetPerSecond, elapsed / 1e9, commands * 1e9 / elapsed, commands, latency,
                run.errorCount() - errors, run.lateSends.sum() - late, run.matchesFinished.sum() - matches,
                serverCores, driverCores, gcMillis * 1e6 / elapsed, gcCount, serverAllocatedPerCommand, driverAllocatedPerCommand,
                number(end, "longestGcPauseMillis"), driverPauses.longestMillisAndReset(),
                number(end, "slowSyncs") - number(serverStats, "slowSyncs"), number(end, "longestSyncMicros"),
                number(end, "logCopies") - number(serverStats, "logCopies"), number(end, "longestLogCopyMicros"), loadAverage, loadAverage());
    }

    private static double perCommand(long bytes, long commands) {
        return commands == 0 ? 0 : (double) bytes / commands;
    }

    static long number(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("the load server's reply has no '" + key + "': " + values);
        }
        return Math.round(Double.parseDouble(value));
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the load ran", e);
        }
    }
}
