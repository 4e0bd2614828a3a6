package dev.statecraft.bench.durability;

import java.io.PrintStream;

/** The figures of one {@link BufferedLoad} run, printed as Markdown tables. */
record BufferedReport(BufferedLoad.Settings settings, String dataFolder, MeasuredWindow.Result load, BufferedLoad.FlushLag lag) {

    void print(PrintStream out) {
        out.printf("## Buffered commands: %s zones, %d threads (SQLite, write-behind)%n%n", Figures.count(settings.zones()), settings.threads());
        out.println("Data folder: " + dataFolder + "; " + Figures.jvm() + ".");
        out.printf("Measured %s s after a %s s warm-up on another engine; zones of %d players, one `Move` (one event) per command; "
                        + "`World.TYPE`: hybrid, write-behind flushed every 200 ms or after 256 events of a zone.%n%n",
                Figures.seconds(load.nanos()), Figures.seconds(settings.warmup().toNanos()), settings.playersPerZone());
        out.println("| zones | driver threads | commands/s acknowledged | writes/s stored | waiting at the end | ack p50 (ms) | ack p99 (ms) | flushes | flush lag p50 (ms) | flush lag p99 (ms) | flush lag max (ms) | goal |");
        out.println("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        out.printf("| %s | %d platform | %s | %s | %s | %s | %s | %s | %s | %s | %s | none set; compare flush lag with 200 ms |%n",
                Figures.count(settings.zones()), settings.threads(), Figures.count(load.commandsPerSecond()),
                Figures.count(load.writer().commitsPerSecond() * load.writer().meanWrites()), Figures.count(lag.pendingAtEnd()),
                Figures.millis(load.p50Nanos()), Figures.millis(load.p99Nanos()), Figures.count(lag.flushes()),
                Figures.millis(lag.p50Nanos()), Figures.millis(lag.p99Nanos()), Figures.millis(lag.maxNanos()));
        out.println();
        out.println("Acknowledged commands/s above stored writes/s means the write-behind buffer was filling (it holds 100,000 writes;"
                + " when full, commands wait for room): the sustained rate is the stored one, and the flush lag grows with the backlog.");
        out.println();
        out.println("SQLite group-commit writer in the same window (each buffered command is one write; snapshots are writes too), and this "
                + "JVM's collection pauses:");
        out.println();
        WriterBatches.printHeader(out, "zones");
        load.writer().printRow(out, Figures.count(settings.zones()));
    }
}
