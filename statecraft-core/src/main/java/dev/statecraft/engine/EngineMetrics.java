package dev.statecraft.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The engine's figures, counted rather than logged: commands by outcome and latency, loads from the
 * store (misses) versus hot hits, snapshots saved and refused, write-behind flush lag, conflicts, and
 * gauges for hot and dirty games. Meters are looked up once and cached.
 */
final class EngineMetrics {
    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Timer> accepted = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> rejected = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Timer> loads = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> snapshots = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> appended = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter conflicts;
    private final Timer flushLag;

    EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.hits = Counter.builder("statecraft.games.loads").tag("result", "hit")
                .description("Commands and reads that found their game hot in memory").register(registry);
        this.conflicts = Counter.builder("statecraft.commands.conflicts")
                .description("Appends that lost the race for a version to another writer and were retried").register(registry);
        this.flushLag = Timer.builder("statecraft.writebehind.flush.lag").publishPercentiles(0.5, 0.99)
                .description("Time from the oldest buffered write of a game to its flush").register(registry);
    }

    void gauges(Supplier<Number> hotGames, Supplier<Number> dirtyGames, Supplier<Number> pendingWrites) {
        Gauge.builder("statecraft.games.hot", hotGames).description("Games held in memory").register(registry);
        Gauge.builder("statecraft.writebehind.dirty.games", dirtyGames).description("Games with writes waiting for the store").register(registry);
        Gauge.builder("statecraft.writebehind.pending", pendingWrites).description("Events and snapshots waiting for the store").register(registry);
    }

    void accepted(String gameType, long nanos) {
        accepted.computeIfAbsent(gameType, t -> Timer.builder("statecraft.commands").tag("game.type", t).tag("outcome", "accepted")
                .description("Accepted commands and their latency").register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    void rejected(String gameType, String code) {
        rejected.computeIfAbsent(gameType + '\0' + code, k -> Counter.builder("statecraft.commands.rejected").tag("game.type", gameType)
                .tag("code", code).description("Rejected commands by reason code").register(registry)).increment();
    }

    /** Events of accepted commands handed to the store: written at once ({@code durable}) or queued ({@code buffered}). */
    void appended(String gameType, String policy, int events) {
        appended.computeIfAbsent(gameType + '\0' + policy, k -> Counter.builder("statecraft.events.appended").tag("game.type", gameType)
                .tag("policy", policy).description("Events of accepted commands, by write policy").register(registry)).increment(events);
    }

    void hit() {
        hits.increment();
    }

    void loaded(String gameType, String source, long nanos) {
        loads.computeIfAbsent(gameType + '\0' + source, k -> Timer.builder("statecraft.games.loads.time").tag("game.type", gameType)
                .tag("result", "miss").tag("source", source).description("Games loaded from the store").register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void snapshot(String gameType, String outcome) {
        snapshots.computeIfAbsent(gameType + '\0' + outcome, k -> Counter.builder("statecraft.snapshots").tag("game.type", gameType)
                .tag("outcome", outcome).description("Snapshots queued (saved), skipped for want of room, and refused when loading (damaged, old schema)").register(registry))
                .increment();
    }

    void conflict() {
        conflicts.increment();
    }

    void flushed(long lagNanos) {
        flushLag.record(lagNanos, TimeUnit.NANOSECONDS);
    }
}
