package dev.statecraft.sqlite;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** The group-commit writer's figures: writes per batch, time to run them, and time to commit and sync. */
public final class SqliteWriterMetrics implements WriterListener {
    private final DistributionSummary batchSize;
    private final Timer applyTime;
    private final Timer syncTime;

    public SqliteWriterMetrics(MeterRegistry registry) {
        this.batchSize = DistributionSummary.builder("statecraft.store.batch.size").baseUnit("writes")
                .description("Writes committed together in one transaction").register(registry);
        this.applyTime = Timer.builder("statecraft.store.batch.apply").description("Time to run a batch's writes").register(registry);
        this.syncTime = Timer.builder("statecraft.store.batch.sync").description("Time to commit and sync a batch").register(registry);
    }

    @Override
    public void batchCommitted(int writes, long applyNanos, long commitNanos) {
        batchSize.record(writes);
        applyTime.record(applyNanos, TimeUnit.NANOSECONDS);
        syncTime.record(commitNanos, TimeUnit.NANOSECONDS);
    }
}
