package dev.statecraft.bench.durability;

import java.util.Locale;

/** How the drivers print numbers: grouped thousands, milliseconds with enough digits to read microseconds. */
public final class Figures {
    private Figures() {
    }

    public static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    public static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    public static String decimal(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    public static String millis(double nanos) {
        double millis = nanos / 1e6;
        return String.format(Locale.ROOT, millis < 10 ? "%.3f" : "%,.1f", millis);
    }

    public static String seconds(double nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }

    public static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / (1024.0 * 1024.0));
    }

    public static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    public static String jvm() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%s %s, %d processors, max heap %s", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), runtime.availableProcessors(), mebibytes(runtime.maxMemory()));
    }
}
