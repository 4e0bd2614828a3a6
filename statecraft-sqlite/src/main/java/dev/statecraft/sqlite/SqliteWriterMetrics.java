package dev.statecraft.sqlite;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The group-commit writer's figures: writes per batch, time to run them, time to commit and sync, and time spent
 * copying the rest of the log between two batches.
 */
public final class SqliteWriterMetrics implements WriterListener {
    private final DistributionSummary batchSize;
    private final Timer applyTime;
    private final Timer syncTime;
    private final Timer logCopyTime;

    public SqliteWriterMetrics(MeterRegistry registry) {
        this.batchSize = DistributionSummary.builder("statecraft.store.batch.size").baseUnit("writes")
                .description("Writes committed together in one transaction").register(registry);
        this.applyTime = Timer.builder("statecraft.store.batch.apply").description("Time to run a batch's writes").register(registry);
        this.syncTime = Timer.builder("statecraft.store.batch.sync").description("Time to commit and sync a batch").register(registry);
        this.logCopyTime = Timer.builder("statecraft.store.log.copy")
                .description("Time the writer spends between two batches copying the rest of the write-ahead log, so that the log starts again")
                .register(registry);
    }

    @Override
    public void batchCommitted(int writes, long applyNanos, long commitNanos) {
        batchSize.record(writes);
        applyTime.record(applyNanos, TimeUnit.NANOSECONDS);
        syncTime.record(commitNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void logCopied(long nanos) {
        logCopyTime.record(nanos, TimeUnit.NANOSECONDS);
    }
}
