package dev.statecraft.bench.durability;

import java.io.PrintStream;
import java.util.List;

/**
 * The figures of one {@link DurableLoad} run, printed as Markdown tables with their goal: every round's raw
 * fsync probe and measured window, all rounds taken together, and the paced windows after them.
 *
 * <p>Goal (d) is judged on the paced window at its rate, 100,000 events/s: latency is only meaningful at a
 * given rate, and the closed-loop rounds' latency is the games' queue (games ÷ rate). Without that window
 * (d) is not met.
 */
record DurableReport(DurableLoad.Settings settings, String dataFolder, List<FsyncRate> probes, List<MeasuredWindow.Result> windows,
                     List<Paced> paced) {

    /** A window paced at {@code targetEventsPerSecond}; {@code label} says where that rate comes from. */
    record Paced(String label, double targetEventsPerSecond, MeasuredWindow.Result result) {
    }

    DurableReport {
        probes = List.copyOf(probes);
        windows = List.copyOf(windows);
        paced = List.copyOf(paced);
        if (probes.isEmpty() || probes.size() != windows.size()) {
            throw new IllegalArgumentException("one fsync probe per measured window (were " + probes.size() + " and " + windows.size() + ")");
        }
    }

    /** The raw fsync probes together. */
    FsyncRate fsync() {
        return FsyncRate.combine(probes);
    }

    /** The measured windows together. */
    MeasuredWindow.Result load() {
        return MeasuredWindow.Result.combine(windows);
    }

    static final double GOAL_RATIO = 0.7;
    static final double GOAL_EVENTS_PER_SECOND = 100_000;
    static final double GOAL_P99_NANOS = 5_000_000;

    double ratioToFsync() {
        return load().eventsPerSecond() / fsync().perSecond();
    }

    /** (e) for one game; for many, whether a window paced at 100,000 events/s or more reached its rate at p99 <= 5 ms. */
    boolean goalMet() {
        return settings.oneGame()
                ? ratioToFsync() >= GOAL_RATIO
                : paced.stream().anyMatch(DurableReport::meetsRateGoal);
    }

    private static boolean meetsRateGoal(Paced window) {
        return window.targetEventsPerSecond() >= GOAL_EVENTS_PER_SECOND
                && window.result().eventsPerSecond() >= 0.99 * GOAL_EVENTS_PER_SECOND
                && window.result().p99Nanos() <= GOAL_P99_NANOS;
    }

    private String manyGamesGoal() {
        return ">= 100,000 events/s at p99 <= 5 ms" + (settings.games() == 1_000 ? "" : " (set for 1,000 games)");
    }

    private void printPaced(PrintStream out) {
        if (paced.isEmpty()) {
            out.println("No paced window (`--rate`, `--paced-fraction`): goal " + manyGamesGoal() + " is judged on one, so it is not met.");
            out.println();
            return;
        }
        out.println("Paced after the rounds, " + Figures.seconds(settings.measured().toNanos()) + " s each after a warm-up at the same pace; latency is timed "
                + "from each command's slot, and a slot missed by more than one interval is dropped and counted as a late send:");
        out.println();
        out.println("| games | paced | target events/s | events/s | late sends | ack p50 (ms) | ack p99 (ms) | goal | met? |");
        out.println("| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        for (Paced window : paced) {
            MeasuredWindow.Result result = window.result();
            boolean atGoalRate = window.targetEventsPerSecond() >= GOAL_EVENTS_PER_SECOND;
            out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", Figures.count(settings.games()), window.label(),
                    Figures.count(window.targetEventsPerSecond()), Figures.count(result.eventsPerSecond()), Figures.count(result.lateSends()),
                    Figures.millis(result.p50Nanos()), Figures.millis(result.p99Nanos()),
                    atGoalRate ? manyGamesGoal() : "none: the latency at a rate the store sustains",
                    atGoalRate ? Figures.met(meetsRateGoal(window)) : "");
        }
        out.println();
    }

    void print(PrintStream out) {
        MeasuredWindow.Result load = load();
        FsyncRate fsync = fsync();
        String threads = settings.oneGame() ? "1 platform" : Figures.count(settings.games()) + " virtual";
        out.printf("## Durable events: %s (SQLite)%n%n", settings.oneGame() ? "1 game, sequential" : Figures.count(settings.games()) + " games concurrent");
        out.println("Data folder: " + dataFolder + "; " + Figures.jvm() + ".");
        out.printf("Measured %s s after a %s s warm-up%s; zones of %d players, one `Move` (one event) per command, every command durable; command ids %s.%n%n",
                Figures.seconds(load.nanos()), Figures.seconds(settings.warmup().toNanos()),
                windows.size() == 1 ? "" : ", in " + windows.size() + " rounds of " + Figures.seconds(settings.fsyncProbe().toNanos())
                        + " s raw fsync then " + Figures.seconds(settings.measured().toNanos()) + " s of load",
                settings.playersPerZone(), settings.commandIds().description());
        out.println("| games | driver threads | events/s | ack p50 (ms) | ack p99 (ms) | raw fsync/s (same run, just before) | events/s ÷ raw fsync/s | goal | met? |");
        out.println("| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", Figures.count(settings.games()), threads,
                Figures.count(load.eventsPerSecond()), Figures.millis(load.p50Nanos()), Figures.millis(load.p99Nanos()),
                Figures.count(fsync.perSecond()), Figures.ratio(ratioToFsync()),
                settings.oneGame() ? "events/s >= 0.7 x raw fsync/s" : "none: the peak, each game sending on acknowledgement; latency = games ÷ rate",
                settings.oneGame() ? Figures.met(goalMet()) : "");
        out.println();
        if (!settings.oneGame()) {
            printPaced(out);
        }
        if (windows.size() > 1) {
            out.println("Round by round (each raw fsync probe just before its window):");
            out.println();
            out.println("| round | raw fsync/s | events/s | events/s ÷ raw fsync/s | ack p99 (ms) |");
            out.println("| ---: | ---: | ---: | ---: | ---: |");
            for (int i = 0; i < windows.size(); i++) {
                MeasuredWindow.Result window = windows.get(i);
                double raw = probes.get(i).perSecond();
                out.printf("| %d | %s | %s | %s | %s |%n", i + 1, Figures.count(raw), Figures.count(window.eventsPerSecond()),
                        Figures.ratio(window.eventsPerSecond() / raw), Figures.millis(window.p99Nanos()));
            }
            out.println();
        }
        out.println("SQLite group-commit writer in the measured windows (a commit is one transaction and one sync; snapshots and creates are writes too), "
                + "and this JVM's collection pauses, which stop the engine and the writer alike:");
        out.println();
        WriterBatches.printHeader(out, "games", "raw write + fsync p50 / p99 (ms)");
        load.writer().printRow(out, Figures.count(settings.games()), Figures.millis(fsync.p50Nanos()) + " / " + Figures.millis(fsync.p99Nanos()));
        for (Paced window : paced) {
            window.result().writer().printRow(out, Figures.count(settings.games()) + ", paced " + window.label(), "");
        }
    }
}
