package dev.statecraft.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.stream.Collectors;

/** The figures of one {@link HotGameFootprint} run, printed as a Markdown table with the JVM they were measured on. */
record FootprintReport(
        int games,
        double engineCards, double engineZones,
        double stateCards, double stateZones,
        double mapCards, double mapZones,
        double lockedMapCards, double lockedMapZones,
        long allHot, long matchesPassivated, long allPassivated,
        int unsettledReadings) {

    static final double GOAL_BYTES = 2_048;

    static Builder builder(int games) {
        return new Builder(games);
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "## Hot game footprint: %,d games of each example%n%n", games);
        out.println(jvm());
        out.printf(Locale.ROOT, "Live heap: all hot %s, matches passivated %s, all passivated %s%n%n",
                mib(allHot), mib(matchesPassivated), mib(allPassivated));
        out.printf(Locale.ROOT, "| bytes per game | cards match | world zone (%d players) | goal |%n", MidGameLoad.PLAYERS_PER_ZONE);
        out.println("| --- | ---: | ---: | --- |");
        row(out, "engine, besides the state (hot minus passivated)", engineCards, engineZones, String.format(Locale.ROOT, "<= %,.0f", GOAL_BYTES));
        row(out, "the state itself", stateCards, stateZones, "");
        row(out, "baseline: `ConcurrentHashMap<String, state>` entry", mapCards, mapZones, "");
        row(out, "baseline: `ConcurrentHashMap<String, lock + state>` entry", lockedMapCards, lockedMapZones, "");
        out.println();
        out.printf(Locale.ROOT, "Goal (c), engine bytes per hot game <= %,.0f: cards %s, world %s.%n",
                GOAL_BYTES, verdict(engineCards), verdict(engineZones));
        if (!"0".equals(vmOption("MarkSweepDeadRatio"))) {
            out.println("Warning: run with -XX:MarkSweepDeadRatio=0. Otherwise full collections leave dead objects in dense"
                    + " regions uncompacted, and these figures move by about a hundred bytes per game from run to run.");
        }
        if (unsettledReadings > 0) {
            out.printf("Warning: %d heap readings did not settle; treat these figures as rough.%n", unsettledReadings);
        }
    }

    private static void row(PrintStream out, String what, double cards, double zones, String goal) {
        out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %s |%n", what, cards, zones, goal);
    }

    private static String verdict(double bytes) {
        return bytes <= GOAL_BYTES ? "met" : "missed";
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static String jvm() {
        Runtime runtime = Runtime.getRuntime();
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "JVM: %s %s; collectors: %s; max heap %s; compressed oops: %s; MarkSweepDeadRatio: %s",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), collectors,
                mib(runtime.maxMemory()), vmOption("UseCompressedOops"), vmOption("MarkSweepDeadRatio"));
    }

    private static String vmOption(String name) {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotSpot == null) {
            return "unknown";
        }
        try {
            return hotSpot.getVMOption(name).getValue();
        } catch (IllegalArgumentException noSuchOption) {
            return "unknown";
        }
    }

    static final class Builder {
        private final int games;
        private double engineCards;
        private double engineZones;
        private double stateCards;
        private double stateZones;
        private double mapCards;
        private double mapZones;
        private double lockedMapCards;
        private double lockedMapZones;
        private long allHot;
        private long matchesPassivated;
        private long allPassivated;
        private int unsettledReadings;

        private Builder(int games) {
            this.games = games;
        }

        Builder enginePerGame(double cards, double zones) {
            engineCards = cards;
            engineZones = zones;
            return this;
        }

        Builder statePerGame(double cards, double zones) {
            stateCards = cards;
            stateZones = zones;
            return this;
        }

        Builder mapPerEntry(double cards, double zones) {
            mapCards = cards;
            mapZones = zones;
            return this;
        }

        Builder lockedMapPerEntry(double cards, double zones) {
            lockedMapCards = cards;
            lockedMapZones = zones;
            return this;
        }

        Builder heapReadings(long hot, long matchesCold, long allCold) {
            allHot = hot;
            matchesPassivated = matchesCold;
            allPassivated = allCold;
            return this;
        }

        Builder unsettledReadings(int count) {
            unsettledReadings = count;
            return this;
        }

        FootprintReport build() {
            return new FootprintReport(games, engineCards, engineZones, stateCards, stateZones, mapCards, mapZones,
                    lockedMapCards, lockedMapZones, allHot, matchesPassivated, allPassivated, unsettledReadings);
        }
    }
}
