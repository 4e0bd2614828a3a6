package dev.statecraft.bench.server;

import static dev.statecraft.bench.durability.Figures.count;
import static dev.statecraft.bench.durability.Figures.decimal;
import static dev.statecraft.bench.durability.Figures.mebibytes;
import static dev.statecraft.bench.durability.Figures.met;
import static dev.statecraft.bench.durability.Figures.millis;

import dev.statecraft.bench.WriterStalls;
import dev.statecraft.bench.durability.Figures;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The driver's Markdown tables: throughput and latency per window, connections and memory per round, the goals. */
final class LoadReport {
    private static final double GOAL_P99_NANOS = 10e6;
    private static final int GOAL_CONNECTIONS = 10_000;

    private final ServerLoad.Settings settings;
    private final List<String> serverJvm;
    private final long serverPid;
    private final List<ServerLoad.Round> rounds;

    LoadReport(ServerLoad.Settings settings, List<String> serverJvm, long serverPid, List<ServerLoad.Round> rounds) {
        this.settings = settings;
        this.serverJvm = serverJvm;
        this.serverPid = serverPid;
        this.rounds = rounds;
    }

    List<ServerLoad.Round> rounds() {
        return rounds;
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "Game type `%s`, seed %d, %s s warm-up and %s s measured per window, paced at %.0f %% of the peak measured just before.%n",
                settings.gameType(), settings.seed(), Figures.seconds(settings.warmup().toNanos()), Figures.seconds(settings.measured().toNanos()),
                settings.pacedFraction() * 100);
        out.println("Server: child JVM (pid " + serverPid + ") with " + String.join(" ", serverJvm) + "; driver: " + Figures.jvm() + ".");
        out.println();
        out.println("| connections | mode | target commands/s | commands/s | broadcast p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) "
                + "| late sends | errors | matches finished | server CPU (cores) | driver CPU (cores) | server GC (% of window, collections) "
                + "| allocation per command, server / driver (KB) | load average at start / end |");
        out.println("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (ServerLoad.Round round : rounds) {
            for (LoadWindow.Result window : List.of(round.peak(), round.paced())) {
                out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.2f | %.2f | %.1f %%, %d | %.1f / %.1f | %s / %s |%n",
                        count(round.connections()), window.mode(), window.targetPerSecond() > 0 ? count(window.targetPerSecond()) : "as fast as the pairs go",
                        count(window.commandsPerSecond()), millis(window.latency().getValueAtPercentile(50)), millis(window.latency().getValueAtPercentile(99)),
                        millis(window.latency().getValueAtPercentile(99.9)), millis(window.latency().getMaxValue()), count(window.lateSends()),
                        count(window.errors()), count(window.matchesFinished()), window.serverCores(), window.driverCores(), window.serverGcShare() * 100,
                        window.serverGcCount(), window.serverAllocatedPerCommand() / 1024, window.driverAllocatedPerCommand() / 1024, window.loadAverageAtStart(), window.loadAverageAtEnd());
            }
        }
        out.println();
        out.println("What stops every connection at once, in the same windows: the server's longest garbage-collection pause, its store's "
                + "commits whose commit + sync took over " + WriterStalls.SLOW_COMMIT_NANOS / 1_000_000 + " ms (every durable command waits for one), "
                + "the store writer's copies of the rest of its log between two batches (every durable command waits for those too), "
                + "and the driver's own longest pause (it delays the arrival stamp of every message the driver was about to read).");
        out.println();
        out.println("| connections | mode | server's longest GC pause (ms) | commits over " + WriterStalls.SLOW_COMMIT_NANOS / 1_000_000
                + " ms | longest commit + sync (ms) | writer's log copies | longest log copy (ms) | driver's longest GC pause (ms) |");
        out.println("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (ServerLoad.Round round : rounds) {
            for (LoadWindow.Result window : List.of(round.peak(), round.paced())) {
                out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", count(round.connections()), window.mode(),
                        count(window.longestGcPauseMillis()), count(window.slowSyncs()), millis(window.longestSyncMicros() * 1_000.0),
                        count(window.logCopies()), millis(window.longestLogCopyMicros() * 1_000.0), count(window.driverLongestGcPauseMillis()));
            }
        }
        out.println();
        out.println("| connections | held at the end: driver / server | closed unexpectedly | pairs stuck after the stop | final views lost | connect time (s) "
                + "| matches seated | server live heap before | per connection, connected | per connection, seated in a match (half a match each) "
                + "| server live heap after closing all |");
        out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (ServerLoad.Round round : rounds) {
            long before = live(round.heapBefore());
            out.printf(Locale.ROOT, "| %s | %s / %s | %d | %d | %d | %s | %s | %s | %s B | %s B | %s |%n",
                    count(round.connections()), count(round.clientOpenAtEnd()), count(round.serverConnectionsAtEnd()), round.unexpectedCloses(),
                    round.pairsNotIdleAfterStop(), round.finalViewsLost(),
                    decimal(round.connectTime().toMillis() / 1e3), count(round.seatedPairs()), mebibytes(before),
                    count((double) (live(round.heapConnected()) - before) / round.connections()),
                    count((double) (live(round.heapSeated()) - before) / round.connections()), mebibytes(live(round.heapClosed())));
        }
        out.println();
        out.println("| goal | measured | met? |");
        out.println("| --- | --- | --- |");
        for (ServerLoad.Round round : rounds) {
            if (round.connections() >= GOAL_CONNECTIONS) {
                boolean held = round.clientOpenAtEnd() == round.connections() && round.serverConnectionsAtEnd() == round.connections();
                out.printf(Locale.ROOT, "| %s connections held | %s of %s open at the end (driver), %s (server) | %s |%n", count(GOAL_CONNECTIONS),
                        count(round.clientOpenAtEnd()), count(round.connections()), count(round.serverConnectionsAtEnd()), met(held));
            }
            double p99 = round.paced().latency().getValueAtPercentile(99);
            out.printf(Locale.ROOT, "| p99 <= 10 ms at half of peak, %s connections | p99 %s ms at %s commands/s (peak %s) | %s |%n",
                    count(round.connections()), millis(p99), count(round.paced().commandsPerSecond()), count(round.peak().commandsPerSecond()),
                    met(p99 <= GOAL_P99_NANOS && round.paced().errors() == 0));
        }
        for (ServerLoad.Round round : rounds) {
            if (!round.errorsByCode().isEmpty() || round.connectFailures() > 0) {
                out.println();
                out.printf(Locale.ROOT, "Errors at %s connections (whole round, setup included): %s; connections not open after connecting: %d%n",
                        count(round.connections()), round.errorsByCode(), round.connectFailures());
                round.errorSamples().forEach(sample -> out.println("- " + sample));
            }
        }
    }

    private static long live(Map<String, String> heap) {
        return LoadWindow.number(heap, "live");
    }
}
