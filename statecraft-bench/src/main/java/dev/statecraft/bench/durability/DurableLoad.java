package dev.statecraft.bench.durability;

import dev.statecraft.engine.Engine;
import dev.statecraft.sqlite.SqliteOptions;
import dev.statecraft.sqlite.SqliteStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Durable events per second and acknowledgement latency on SQLite: zones of the example world whose every
 * command is durable ({@link DurableWorld}), each driven by its own thread, one command after another,
 * with {@code engine.submit} timed around the call. One game runs on one platform thread; more games run
 * on one virtual thread per game, so the store's group commit has many acknowledgements to wait for at
 * once. Just before each measured window, in the same process and folder and with the load stopped,
 * {@link RawFsync} measures the disk's fsync rate, the ceiling for one game: each of its commands needs one
 * sync. With {@code --rounds N} the two alternate N times, so a disk whose rate drifts from one second to
 * the next is compared with itself at the same moments; the figures are the rounds taken together.
 *
 * <p>Those rounds are a closed loop: each game sends its next command when the previous one is acknowledged,
 * so they measure the most the store takes (the peak), and their latency is mostly queueing (games ÷ rate,
 * by Little's law: 10 ms for 1,000 games at 100,000 events/s, whatever the store). Latency at a given rate
 * is measured after them, paced (see {@link LoadThreads}): {@code --rate N} at N events/s, the rate goal (d)
 * names, and {@code --paced-fraction F} at F times the peak just measured, a rate the store sustains.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.statecraft.bench.durability.DurableLoad [--games 1] [--seconds 10]
 * [--warmup 3] [--fsync-seconds 3] [--rounds 1] [--players 4] [--rate N] [--paced-fraction F]
 * [--command-ids sequential|random] [--data folder] [--keep]}; {@code --seconds} and {@code --fsync-seconds} are per
 * round, and each paced window lasts {@code --seconds} too. Command ids are {@code c-1}, {@code c-2}, ... per zone by
 * default; {@code random} makes each a random UUID (see {@link CommandIds}).
 */
public final class DurableLoad {
    private static final String GAMES = "--games";
    private static final String SECONDS = "--seconds";
    private static final String WARMUP = "--warmup";
    private static final String FSYNC_SECONDS = "--fsync-seconds";
    private static final String PLAYERS = "--players";
    private static final String PAGE_SIZE = "--page-size";
    private static final String CHECKPOINT_PAGES = "--checkpoint-pages";
    private static final String ROUNDS = "--rounds";
    private static final String RATE = "--rate";
    private static final String PACED_FRACTION = "--paced-fraction";
    private static final String COMMAND_IDS = "--command-ids";

    /** One run's shape, validated when made. */
    record Settings(int games, int playersPerZone, Duration warmup, Duration measured, Duration fsyncProbe, int rounds, int pageSize,
                    int checkpointPages, double pacedRate, double pacedFraction, CommandIds commandIds) {
        Settings {
            if (!(pacedRate >= 0)) throw new IllegalArgumentException("rate must not be negative (was " + pacedRate + ")");
            if (!(pacedFraction >= 0 && pacedFraction <= 1)) throw new IllegalArgumentException("paced-fraction must be from 0 (no such window) to 1 (was " + pacedFraction + ")");
            if (games == 1 && (pacedRate > 0 || pacedFraction > 0)) {
                throw new IllegalArgumentException("paced windows need more than one game: one game sends one command after another");
            }
            if (rounds < 1) throw new IllegalArgumentException("rounds must be > 0 (was " + rounds + ")");
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
        DriverArgs options = DriverArgs.parse(args, Set.of(GAMES, SECONDS, WARMUP, FSYNC_SECONDS, ROUNDS, PLAYERS, PAGE_SIZE, CHECKPOINT_PAGES, COMMAND_IDS,
                RATE, PACED_FRACTION));
        Settings settings = new Settings(
                options.integer(GAMES, 1),
                options.integer(PLAYERS, 4),
                options.seconds(WARMUP, Duration.ofSeconds(3)),
                options.seconds(SECONDS, Duration.ofSeconds(10)),
                options.seconds(FSYNC_SECONDS, Duration.ofSeconds(3)),
                options.integer(ROUNDS, 1),
                options.integer(PAGE_SIZE, SqliteOptions.defaults().pageSize()),
                options.integer(CHECKPOINT_PAGES, SqliteOptions.defaults().checkpointPages()),
                options.integer(RATE, 0),
                Double.parseDouble(options.text(PACED_FRACTION, "0")),
                CommandIds.parse(options.text(COMMAND_IDS, "sequential")));
        try (ScratchFolder folder = ScratchFolder.create(options.dataParent(), "durable-load", options.keepData())) {
            run(settings, folder).print(System.out);
        }
    }

    static DurableReport run(Settings settings, ScratchFolder folder) {
        WriterBatches writer = new WriterBatches();
        List<FsyncRate> probes = new ArrayList<>();
        List<MeasuredWindow.Result> windows = new ArrayList<>();
        List<DurableReport.Paced> paced = new ArrayList<>();
        try (SqliteStore store = SqliteStore.open(folder.storeFile(), SqliteOptions.defaults().withPageSize(settings.pageSize()).withCheckpointPages(settings.checkpointPages()), writer.listener());
             Engine engine = Engine.builder().store(store).register(DurableWorld.TYPE).build()) {
            List<ZoneDriver> zones = settings.oneGame()
                    ? List.of(ZoneDriver.enter(engine, DurableWorld.TYPE, "zone-0", settings.playersPerZone(), settings.commandIds()))
                    : ZoneDriver.enterAll(engine, DurableWorld.TYPE, "zone", settings.games(), settings.playersPerZone(), settings.commandIds());
            Thread.Builder threads = settings.oneGame()
                    ? Thread.ofPlatform().name("durable-driver")
                    : Thread.ofVirtual().name("durable-zone-", 0);
            List<List<ZoneDriver>> zonesPerThread = LoadThreads.split(zones, settings.games());
            LoadThreads warmup = LoadThreads.start(threads, engine, zonesPerThread, new MeasuredWindow(writer));
            try {
                warmup.runFor(settings.warmup());
            } finally {
                warmup.stop();
            }
            for (int round = 0; round < settings.rounds(); round++) {
                probes.add(RawFsync.measure(folder.path(), settings.fsyncProbe()));
                MeasuredWindow window = new MeasuredWindow(writer);
                LoadThreads load = LoadThreads.start(threads, engine, zonesPerThread, window);
                try {
                    window.open();
                    load.runFor(settings.measured());
                    windows.add(window.close());
                } finally {
                    load.stop();
                }
            }
            if (settings.pacedRate() > 0) {
                paced.add(measurePaced(settings, engine, threads, zonesPerThread, writer, "at `--rate`", settings.pacedRate()));
            }
            if (settings.pacedFraction() > 0) {
                double peak = MeasuredWindow.Result.combine(windows).eventsPerSecond();
                paced.add(measurePaced(settings, engine, threads, zonesPerThread, writer,
                        "at " + Math.round(settings.pacedFraction() * 100) + " % of the peak", settings.pacedFraction() * peak));
            }
        }
        return new DurableReport(settings, folder.describe(), probes, windows, paced);
    }

    /** One paced window of {@code --seconds} at {@code eventsPerSecond} (one event per command), after a warm-up of the same pace. */
    private static DurableReport.Paced measurePaced(Settings settings, Engine engine, Thread.Builder threads, List<List<ZoneDriver>> zonesPerThread,
                                                    WriterBatches writer, String label, double eventsPerSecond) {
        MeasuredWindow window = new MeasuredWindow(writer);
        LoadThreads load = LoadThreads.startPaced(threads, engine, zonesPerThread, window, eventsPerSecond);
        try {
            load.runFor(settings.warmup());
            window.open();
            load.runFor(settings.measured());
            return new DurableReport.Paced(label, eventsPerSecond, window.close());
        } finally {
            load.stop();
        }
    }
}
