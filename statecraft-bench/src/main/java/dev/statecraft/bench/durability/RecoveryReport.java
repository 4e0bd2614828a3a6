package dev.statecraft.bench.durability;

import dev.statecraft.engine.Recovery;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The figures of one {@link RecoveryTime} run, printed as Markdown tables with their goal. */
record RecoveryReport(RecoveryTime.Settings settings, String dataFolder, LongZone.Built built, long storeBytes,
                      Map<Recovery, List<RecoveryTime.Load>> loads, boolean sameState) {
    static final double GOAL_NANOS = 3e9;

    double minLoadNanos(Recovery recovery) {
        return loads.get(recovery).stream().mapToLong(RecoveryTime.Load::loadNanos).min().orElseThrow();
    }

    double medianLoadNanos(Recovery recovery) {
        return median(loads.get(recovery).stream().mapToLong(RecoveryTime.Load::loadNanos).sorted().toArray());
    }

    double medianOpenNanos(Recovery recovery) {
        return median(loads.get(recovery).stream().mapToLong(RecoveryTime.Load::openNanos).sorted().toArray());
    }

    boolean goalMet(Recovery recovery) {
        return medianLoadNanos(recovery) <= GOAL_NANOS;
    }

    private static double median(long[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    void print(PrintStream out) {
        out.printf("## Recovery time: one world zone of %s events (SQLite)%n%n", Figures.count(settings.events()));
        out.println("Data folder: " + dataFolder + "; " + Figures.jvm() + ".");
        out.printf("Built through the engine (`World.TYPE`, buffered, %d players walking) in %s s (%s events/s); the store's last version is %s, "
                        + "its latest snapshot at version %s; store files %s. Each load: a fresh store and engine, `engine.state(id)` timed; "
                        + "the modes take turns, %d times each, the first load of each in a JVM that has not yet run that code; the file is in the page cache. "
                        + "Both modes reached %s state.%n%n",
                settings.playersPerZone(), Figures.seconds(built.buildNanos()), Figures.count(built.lastVersion() / (built.buildNanos() / 1e9)),
                Figures.count(built.lastVersion()), Figures.count(built.snapshotVersion()), Figures.mebibytes(storeBytes),
                settings.repeats(), sameState ? "the same" : "**different** states: a bug");
        out.println("| recovery | loaded from | events replayed | load min (ms) | load median (ms) | each load, in order (ms) | store open median (ms) | goal | met? |");
        out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        row(out, Recovery.FROM_EVENTS, "`FROM_EVENTS` (no snapshots)", built.lastVersion());
        row(out, Recovery.LATEST, "`LATEST` (latest snapshot + later events)", built.lastVersion() - built.snapshotVersion());
    }

    private void row(PrintStream out, Recovery recovery, String name, long replayed) {
        String each = loads.get(recovery).stream().map(load -> Figures.millis(load.loadNanos())).collect(Collectors.joining(", "));
        out.printf("| %s | %s | %s | %s | %s | %s | %s | median <= 3,000 ms | %s |%n", name, loads.get(recovery).getFirst().source(),
                Figures.count(replayed), Figures.millis(minLoadNanos(recovery)), Figures.millis(medianLoadNanos(recovery)), each,
                Figures.millis(medianOpenNanos(recovery)), Figures.met(goalMet(recovery)));
    }
}
