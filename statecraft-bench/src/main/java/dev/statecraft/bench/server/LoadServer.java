package dev.statecraft.bench.server;

import dev.statecraft.bench.HeapGauge;
import dev.statecraft.bench.durability.DriverArgs;
import dev.statecraft.bench.durability.ScratchFolder;
import dev.statecraft.engine.Engine;
import dev.statecraft.examples.cards.Cards;
import dev.statecraft.server.ServerOptions;
import dev.statecraft.server.StatecraftServer;
import dev.statecraft.server.TokenAuthority;
import dev.statecraft.sqlite.SqliteOptions;
import dev.statecraft.sqlite.SqliteStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The server side of the load benchmark, run by {@link ServerLoad} as a child JVM of its own (one process
 * cannot hold 10,000 client and 10,000 server sockets under a 20,000 file-descriptor limit): an engine
 * over SQLite in a fresh folder with the card game, {@link CardsBuffered} beside it for comparison, and a
 * {@link StatecraftServer} on loopback whose limits do not throttle the driver.
 *
 * <p>It prints {@code listening port=N} on stdout, then answers one line per request read on stdin:
 * {@code heap} (live heap after full collections), {@code stats} (CPU, GC, allocation and connection counters, and the
 * {@link ServerStalls} since the previous {@code stats}), and
 * {@code stop} (or end of input), after which it closes everything and exits. Logs go to stderr.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.statecraft.bench.server.LoadServer [--max-connections 12000]
 * [--data folder] [--keep]}
 */
public final class LoadServer {
    /** Signs the benchmark's tokens; the driver knows it too. Loopback only, never a real server's secret. */
    static final byte[] SECRET = "statecraft-load-benchmark-secret-32+".getBytes(StandardCharsets.US_ASCII);
    static final Path DEFAULT_DATA_PARENT = Path.of("statecraft-bench", "target", "load-data");
    static final String READY = "listening";
    private static final String MAX_CONNECTIONS = "--max-connections";

    private LoadServer() {
    }

    public static void main(String[] args) throws IOException {
        DriverArgs options = DriverArgs.parse(args, Set.of(MAX_CONNECTIONS));
        ServerOptions serverOptions = ServerOptions.defaults()
                .withHost("127.0.0.1")
                .withPort(0)
                .withMaxConnections(options.integer(MAX_CONNECTIONS, 12_000))
                // The driver sends one command per connection at a time; the limit is raised so that it never refuses one.
                .withMessageRate(100_000, 100_000)
                .withIdleTimeout(Duration.ofMinutes(30));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ServerStalls stalls = ServerStalls.watch();
        try (ScratchFolder folder = ScratchFolder.create(options.dataParent(DEFAULT_DATA_PARENT), "load-server", options.keepData());
             SqliteStore store = SqliteStore.open(folder.storeFile(), SqliteOptions.defaults(), stalls);
             Engine engine = Engine.builder().store(store).metrics(registry).register(Cards.TYPE, CardsBuffered.TYPE).build();
             StatecraftServer server = StatecraftServer.builder(engine, store).tokens(TokenAuthority.withSecret(SECRET))
                     .metrics(registry).options(serverOptions).start()) {
            System.err.println("load server: data in " + folder.describe());
            reply(READY + " port=" + server.port() + " pid=" + ProcessHandle.current().pid());
            answerRequests(engine, registry, stalls);
        }
        reply("stopped");
    }

    private static void answerRequests(Engine engine, PrometheusMeterRegistry registry, ServerStalls stalls) {
        HeapGauge heap = new HeapGauge();
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String line = input.readLine(); line != null; line = input.readLine()) {
                switch (line.strip()) {
                    case "heap" -> reply("heap live=" + heap.liveBytes() + " " + counts(engine, registry));
                    case "stats" -> reply(stats(engine, registry) + " " + stalls.readAndReset());
                    case "stop" -> {
                        return;
                    }
                    default -> reply("error unknown request '" + line + "'; requests are heap, stats, stop");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read requests from stdin", e);
        }
    }

    private static String stats(Engine engine, PrometheusMeterRegistry registry) {
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, collector.getCollectionCount());
            gcMillis += Math.max(0, collector.getCollectionTime());
        }
        return String.format(Locale.ROOT, "stats cpuNanos=%d gcCount=%d gcMillis=%d allocatedBytes=%d threads=%d heapUsed=%d %s",
                ProcessCounters.cpuNanos(), gcCount, gcMillis, ProcessCounters.allocatedBytes(), ManagementFactory.getThreadMXBean().getThreadCount(),
                Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory(), counts(engine, registry));
    }

    private static String counts(Engine engine, PrometheusMeterRegistry registry) {
        double refused = registry.find("statecraft.server.refused").counters().stream().mapToDouble(Counter::count).sum();
        return String.format(Locale.ROOT, "connections=%.0f hotGames=%d refused=%.0f",
                registry.get("statecraft.server.connections").gauge().value(), engine.hotGameCount(), refused);
    }

    private static void reply(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
