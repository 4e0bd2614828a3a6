package dev.statecraft.bench.durability;

import dev.statecraft.engine.Engine;
import dev.statecraft.sqlite.SqliteOptions;
import dev.statecraft.sqlite.SqliteStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Durable events per second and acknowledgement latency on SQLite: zones of the example world whose every
 * command is durable ({@link DurableWorld}), each driven by its own thread, one command after another,
 * with {@code engine.submit} timed around the call. One game runs on one platform thread; more games run
 * on one virtual thread per game, so the store's group commit has many acknowledgements to wait for at
 * once. Before the load, in the same process and folder, {@link RawFsync} measures the disk's fsync rate,
 * the ceiling for one game: each of its commands needs one sync.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.statecraft.bench.durability.DurableLoad [--games 1] [--seconds 10]
 * [--warmup 3] [--fsync-seconds 3] [--players 4] [--data folder] [--keep]}
 */
public final class DurableLoad {
    private static final String GAMES = "--games";
    private static final String SECONDS = "--seconds";
    private static final String WARMUP = "--warmup";
    private static final String FSYNC_SECONDS = "--fsync-seconds";
    private static final String PLAYERS = "--players";
    private static final String PAGE_SIZE = "--page-size";
    private static final String CHECKPOINT_PAGES = "--checkpoint-pages";

    /** One run's shape, validated when made. */
    record Settings(int games, int playersPerZone, Duration warmup, Duration measured, Duration fsyncProbe, int pageSize, int checkpointPages) {
        Settings {
            if (games < 1) throw new IllegalArgumentException("games must be > 0 (was " + games + ")");
            if (playersPerZone < 1 || playersPerZone > 500) throw new IllegalArgumentException("players must be 1 to 500 (was " + playersPerZone + ")");
            if (warmup.isNegative()) throw new IllegalArgumentException("warmup must not be negative (was " + warmup + ")");
            if (measured.isNegative() || measured.isZero()) throw new IllegalArgumentException("seconds must be > 0 (was " + measured + ")");
            if (fsyncProbe.isNegative() || fsyncProbe.isZero()) throw new IllegalArgumentException("fsync-seconds must be > 0 (was " + fsyncProbe + ")");
        }

        boolean oneGame() {
            return games == 1;
        }
    }

    private DurableLoad() {
    }

    public static void main(String[] args) {
        DriverArgs options = DriverArgs.parse(args, Set.of(GAMES, SECONDS, WARMUP, FSYNC_SECONDS, PLAYERS, PAGE_SIZE, CHECKPOINT_PAGES));
        Settings settings = new Settings(
                options.integer(GAMES, 1),
                options.integer(PLAYERS, 4),
                options.seconds(WARMUP, Duration.ofSeconds(3)),
                options.seconds(SECONDS, Duration.ofSeconds(10)),
                options.seconds(FSYNC_SECONDS, Duration.ofSeconds(3)),
                options.integer(PAGE_SIZE, SqliteOptions.defaults().pageSize()),
                options.integer(CHECKPOINT_PAGES, SqliteOptions.defaults().checkpointPages()));
        try (ScratchFolder folder = ScratchFolder.create(options.dataParent(), "durable-load", options.keepData())) {
            run(settings, folder).print(System.out);
        }
    }

    static DurableReport run(Settings settings, ScratchFolder folder) {
        FsyncRate fsync = RawFsync.measure(folder.path(), settings.fsyncProbe());
        WriterBatches writer = new WriterBatches();
        MeasuredWindow window = new MeasuredWindow(writer);
        MeasuredWindow.Result result;
        try (SqliteStore store = SqliteStore.open(folder.storeFile(), SqliteOptions.defaults().withPageSize(settings.pageSize()).withCheckpointPages(settings.checkpointPages()), writer.listener());
             Engine engine = Engine.builder().store(store).register(DurableWorld.TYPE).build()) {
            List<ZoneDriver> zones = settings.oneGame()
                    ? List.of(ZoneDriver.enter(engine, DurableWorld.TYPE, "zone-0", settings.playersPerZone()))
                    : ZoneDriver.enterAll(engine, DurableWorld.TYPE, "zone", settings.games(), settings.playersPerZone());
            Thread.Builder threads = settings.oneGame()
                    ? Thread.ofPlatform().name("durable-driver")
                    : Thread.ofVirtual().name("durable-zone-", 0);
            LoadThreads load = LoadThreads.start(threads, engine, LoadThreads.split(zones, settings.games()), window);
            try {
                load.runFor(settings.warmup());
                window.open();
                load.runFor(settings.measured());
                result = window.close();
            } finally {
                load.stop();
            }
        }
        return new DurableReport(settings, folder.describe(), fsync, result);
    }
}
