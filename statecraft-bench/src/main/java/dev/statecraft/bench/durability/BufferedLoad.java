package dev.statecraft.bench.durability;

import dev.statecraft.engine.Engine;
import dev.statecraft.examples.world.World;
import dev.statecraft.sqlite.SqliteOptions;
import dev.statecraft.sqlite.SqliteStore;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Buffered commands per second on SQLite and how far the store trails them: zones of the example world
 * with its own persistence ({@link World#TYPE}: hybrid, write-behind flushed every 200 ms or after 256
 * events of a zone), driven by a few platform threads, each moving its own zones round-robin. The flush
 * lag is the engine's timer {@code statecraft.writebehind.flush.lag}: the time from a zone's oldest
 * buffered write to the commit of its flush, which bounds what a crash loses.
 *
 * <p>The zones are entered and the JIT warmed on a first engine, which is then closed; the measured
 * engine, on the same store, has a registry of its own, so the flush-lag timer holds the measured
 * engine's flushes only. Its percentiles cover the whole run (not Micrometer's default two-minute decay)
 * with two significant digits.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.statecraft.bench.durability.BufferedLoad [--zones 1000] [--threads 4]
 * [--seconds 10] [--warmup 5] [--players 4] [--data folder] [--keep]}
 */
public final class BufferedLoad {
    static final String FLUSH_LAG = "statecraft.writebehind.flush.lag";
    private static final String PENDING = "statecraft.writebehind.pending";
    private static final String ZONES = "--zones";
    private static final String THREADS = "--threads";
    private static final String SECONDS = "--seconds";
    private static final String WARMUP = "--warmup";
    private static final String PLAYERS = "--players";

    /** One run's shape, validated when made. */
    record Settings(int zones, int threads, int playersPerZone, Duration warmup, Duration measured) {
        Settings {
            if (zones < 1) throw new IllegalArgumentException("zones must be > 0 (was " + zones + ")");
            if (threads < 1 || threads > zones) throw new IllegalArgumentException("threads must be 1 to zones, " + zones + " (was " + threads + ")");
            if (playersPerZone < 1 || playersPerZone > 500) throw new IllegalArgumentException("players must be 1 to 500 (was " + playersPerZone + ")");
            if (warmup.isNegative()) throw new IllegalArgumentException("warmup must not be negative (was " + warmup + ")");
            if (measured.isNegative() || measured.isZero()) throw new IllegalArgumentException("seconds must be > 0 (was " + measured + ")");
        }
    }

    /** The flush-lag timer's figures for the measured engine, and the writes still waiting when the window closed. */
    record FlushLag(long flushes, double p50Nanos, double p99Nanos, double maxNanos, long pendingAtEnd) {
    }

    private BufferedLoad() {
    }

    public static void main(String[] args) {
        DriverArgs options = DriverArgs.parse(args, Set.of(ZONES, THREADS, SECONDS, WARMUP, PLAYERS));
        Settings settings = new Settings(
                options.integer(ZONES, 1_000),
                options.integer(THREADS, 4),
                options.integer(PLAYERS, 4),
                options.seconds(WARMUP, Duration.ofSeconds(5)),
                options.seconds(SECONDS, Duration.ofSeconds(10)));
        try (ScratchFolder folder = ScratchFolder.create(options.dataParent(), "buffered-load", options.keepData())) {
            run(settings, folder).print(System.out);
        }
    }

    static BufferedReport run(Settings settings, ScratchFolder folder) {
        WriterBatches writer = new WriterBatches();
        try (SqliteStore store = SqliteStore.open(folder.storeFile(), SqliteOptions.defaults(), writer.listener())) {
            List<List<ZoneDriver>> zonesPerThread;
            try (Engine warm = Engine.builder().store(store).register(World.TYPE).build()) {
                List<ZoneDriver> zones = ZoneDriver.enterAll(warm, World.TYPE, "zone", settings.zones(), settings.playersPerZone());
                zonesPerThread = LoadThreads.split(zones, settings.threads());
                LoadThreads warmup = LoadThreads.start(Thread.ofPlatform().name("buffered-warmup-", 0), warm, zonesPerThread,
                        new MeasuredWindow(writer));
                try {
                    warmup.runFor(settings.warmup());
                } finally {
                    warmup.stop();
                }
            }
            SimpleMeterRegistry engineMetrics = registryKeepingWholeRunPercentiles();
            try (Engine engine = Engine.builder().store(store).register(World.TYPE).metrics(engineMetrics).build()) {
                zonesPerThread.forEach(zones -> zones.forEach(zone -> engine.state(zone.zoneId())));
                MeasuredWindow window = new MeasuredWindow(writer);
                LoadThreads load = LoadThreads.start(Thread.ofPlatform().name("buffered-driver-", 0), engine, zonesPerThread, window);
                MeasuredWindow.Result result;
                FlushLag lag;
                try {
                    window.open();
                    load.runFor(settings.measured());
                    result = window.close();
                    lag = flushLag(engineMetrics.get(FLUSH_LAG).timer(), (long) engineMetrics.get(PENDING).gauge().value());
                } finally {
                    load.stop();
                }
                return new BufferedReport(settings, folder.describe(), result, lag);
            }
        }
    }

    private static SimpleMeterRegistry registryKeepingWholeRunPercentiles() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(FLUSH_LAG)) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentilePrecision(2).expiry(Duration.ofDays(1)).bufferLength(1).build().merge(config);
            }
        });
        return registry;
    }

    private static FlushLag flushLag(Timer timer, long pending) {
        HistogramSnapshot snapshot = timer.takeSnapshot();
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        for (ValueAtPercentile value : snapshot.percentileValues()) {
            if (value.percentile() == 0.5) {
                p50 = value.value(TimeUnit.NANOSECONDS);
            } else if (value.percentile() == 0.99) {
                p99 = value.value(TimeUnit.NANOSECONDS);
            }
        }
        if (Double.isNaN(p50) || Double.isNaN(p99)) {
            throw new IllegalStateException("timer " + FLUSH_LAG + " publishes no 0.5 and 0.99 percentiles; it publishes "
                    + List.of(snapshot.percentileValues()));
        }
        return new FlushLag(snapshot.count(), p50, p99, snapshot.max(TimeUnit.NANOSECONDS), pending);
    }
}
