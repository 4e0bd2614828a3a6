package dev.statecraft.bench.durability;

import dev.statecraft.bench.GcPauses;
import dev.statecraft.bench.WriterStalls;
import dev.statecraft.sqlite.SqliteWriterMetrics;
import dev.statecraft.sqlite.WriterListener;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The SQLite group-commit writer's meters ({@link SqliteWriterMetrics}), read at the start and the end of
 * a measured window: how many transactions it committed (one sync each), how many writes each held, how
 * long running a batch's SQL took, and how long commit plus sync took; and its stalls ({@link WriterStalls}): the
 * longest run of a batch's SQL, commits whose commit plus sync took over 5 ms, and its copies of the rest of the log
 * between two batches. Every durable command in such a commit, or queued behind it or the copy, waits that long. And
 * this JVM's collection pauses ({@link GcPauses}), which stop the engine and the writer alike.
 */
final class WriterBatches {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SqliteWriterMetrics metrics = new SqliteWriterMetrics(registry);
    private final WriterStalls stalls = new WriterStalls();
    private final GcPauses pauses = GcPauses.watch();
    private final WriterListener listener = new WriterListener() {
        @Override
        public void batchCommitted(int writes, long applyNanos, long commitNanos) {
            metrics.batchCommitted(writes, applyNanos, commitNanos);
            stalls.batchCommitted(writes, applyNanos, commitNanos);
        }

        @Override
        public void logCopied(long nanos) {
            metrics.logCopied(nanos);
            stalls.logCopied(nanos);
        }
    };

    /** Cumulative readings of the writer's meters at one moment; the longest figures are since the previous reading. */
    record Reading(long commits, double writes, double applyNanos, double syncNanos, long longestApplyNanos, long slowCommits, long longestCommitNanos,
                   long logCopies, long longestLogCopyNanos, long pauses, long longestPauseMillis) {
    }

    /** What the writer did between two readings. */
    record Activity(long commits, double meanWrites, double meanApplyNanos, double meanSyncNanos, double commitsPerSecond, long longestApplyNanos,
                    long slowCommits, long longestCommitNanos, long logCopies, long longestLogCopyNanos, long pauses, long longestPauseMillis) {
        static Activity between(Reading start, Reading end, double seconds) {
            long commits = end.commits() - start.commits();
            return new Activity(commits,
                    perCommit(end.writes() - start.writes(), commits),
                    perCommit(end.applyNanos() - start.applyNanos(), commits),
                    perCommit(end.syncNanos() - start.syncNanos(), commits),
                    commits / seconds,
                    end.longestApplyNanos(),
                    end.slowCommits() - start.slowCommits(),
                    end.longestCommitNanos(),
                    end.logCopies() - start.logCopies(),
                    end.longestLogCopyNanos(),
                    end.pauses() - start.pauses(),
                    end.longestPauseMillis());
        }

        /** Several windows' activity as one, over {@code seconds} in all. */
        static Activity combine(List<Activity> windows, double seconds) {
            long commits = windows.stream().mapToLong(Activity::commits).sum();
            return new Activity(commits,
                    perCommit(windows.stream().mapToDouble(w -> w.meanWrites * w.commits).sum(), commits),
                    perCommit(windows.stream().mapToDouble(w -> w.meanApplyNanos * w.commits).sum(), commits),
                    perCommit(windows.stream().mapToDouble(w -> w.meanSyncNanos * w.commits).sum(), commits),
                    commits / seconds,
                    windows.stream().mapToLong(Activity::longestApplyNanos).max().orElse(0),
                    windows.stream().mapToLong(Activity::slowCommits).sum(),
                    windows.stream().mapToLong(Activity::longestCommitNanos).max().orElse(0),
                    windows.stream().mapToLong(Activity::logCopies).sum(),
                    windows.stream().mapToLong(Activity::longestLogCopyNanos).max().orElse(0),
                    windows.stream().mapToLong(Activity::pauses).sum(),
                    windows.stream().mapToLong(Activity::longestPauseMillis).max().orElse(0));
        }

        private static double perCommit(double total, long commits) {
            return commits == 0 ? 0 : total / commits;
        }

        /** One row under {@link #printHeader}, with the cells of its extra columns. */
        void printRow(PrintStream out, String run, String... extraCells) {
            out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%s%n", run, Figures.count(commitsPerSecond), Figures.decimal(meanWrites),
                    Figures.millis(meanApplyNanos), Figures.millis(longestApplyNanos), Figures.millis(meanSyncNanos), Figures.count(slowCommits),
                    Figures.millis(longestCommitNanos), Figures.count(logCopies), Figures.millis(longestLogCopyNanos), Figures.count(pauses),
                    longestPauseMillis, cells(extraCells));
        }
    }

    static void printHeader(PrintStream out, String run, String... extraColumns) {
        out.println("| " + run + " | commits/s | writes per commit (mean) | run the SQL (ms, mean) | longest run of the SQL (ms) "
                + "| commit + sync (ms, mean) | commits over " + WriterStalls.SLOW_COMMIT_NANOS / 1_000_000 + " ms "
                + "| longest commit + sync (ms) | writer's log copies | longest log copy (ms) | the JVM's collection pauses | longest pause (ms) |"
                + cells(extraColumns));
        out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" + " ---: |".repeat(extraColumns.length));
    }

    private static String cells(String... values) {
        StringBuilder cells = new StringBuilder();
        for (String value : values) {
            cells.append(' ').append(value).append(" |");
        }
        return cells.toString();
    }

    /** The listener to open the store with. */
    WriterListener listener() {
        return listener;
    }

    /** The meters now; the longest figures start again from 0, so windows read from one instance must not overlap. */
    Reading read() {
        DistributionSummary batches = registry.get("statecraft.store.batch.size").summary();
        Timer apply = registry.get("statecraft.store.batch.apply").timer();
        Timer sync = registry.get("statecraft.store.batch.sync").timer();
        return new Reading(batches.count(), batches.totalAmount(), apply.totalTime(TimeUnit.NANOSECONDS), sync.totalTime(TimeUnit.NANOSECONDS),
                stalls.longestApplyNanosAndReset(), stalls.slowCommits(), stalls.longestCommitNanosAndReset(), stalls.logCopies(),
                stalls.longestLogCopyNanosAndReset(), pauses.pauses(), pauses.longestMillisAndReset());
    }
}
