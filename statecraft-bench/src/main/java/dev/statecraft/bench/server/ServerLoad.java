package dev.statecraft.bench.server;

import dev.statecraft.bench.GcPauses;
import dev.statecraft.bench.durability.DriverArgs;
import dev.statecraft.examples.cards.Cards;
import dev.statecraft.server.Principal;
import dev.statecraft.server.TokenAuthority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * The server load benchmark's driver: starts {@link LoadServer} as a child JVM, then for each connection
 * count opens that many WebSockets on loopback (Jetty's client), two players per {@link CardPair}, seats
 * every pair in a match, reads the server's live heap, and plays card matches, first as fast as the pairs
 * go (peak), then paced at a fraction of the peak it measured. Prints Markdown tables on stdout.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.statecraft.bench.server.ServerLoad [--connections 1000,10000]
 * [--game-type cards|cards-buffered] [--warmup 10] [--seconds 20] [--paced-fraction 0.5] [--server-heap 3g]
 * [--seed 1] [--server-jvm-options "-XX:+UseZGC"] [--data folder] [--keep]}
 */
public final class ServerLoad {
    private static final String CONNECTIONS = "--connections";
    private static final String GAME_TYPE = "--game-type";
    private static final String WARMUP = "--warmup";
    private static final String SECONDS = "--seconds";
    private static final String PACED_FRACTION = "--paced-fraction";
    private static final String SERVER_HEAP = "--server-heap";
    private static final String SEED = "--seed";
    /** JVM options added to the server's, space-separated: another collector, or a GC log, say. */
    private static final String SERVER_JVM_OPTIONS = "--server-jvm-options";
    /**
     * Below the server's listen backlog: Jetty's default accept queue is the JVM's 50, and a burst of
     * handshakes past it overflows the queue, so the kernel drops SYNs and clients retry after 1, 3, 7 s.
     */
    private static final int HANDSHAKES_AT_ONCE = 32;
    private static final int READ_BUFFER_BYTES = 1_024;
    private static final Duration SETUP_WAIT = Duration.ofMinutes(2);

    /** One run's shape, validated when made. */
    record Settings(List<Integer> connections, String gameType, Duration warmup, Duration measured, double pacedFraction,
                    String serverHeap, long seed) {
        Settings {
            connections = List.copyOf(connections);
            for (int count : connections) {
                if (count < 2 || count % 2 != 0) {
                    throw new IllegalArgumentException("connections must be even and >= 2: two players per match (was " + count + ")");
                }
            }
            if (!Set.of(Cards.TYPE.name(), CardsBuffered.NAME).contains(gameType)) {
                throw new IllegalArgumentException("game-type must be " + Cards.TYPE.name() + " or " + CardsBuffered.NAME + " (was '" + gameType + "')");
            }
            if (measured.isNegative() || measured.isZero()) throw new IllegalArgumentException("seconds must be > 0 (was " + measured + ")");
            if (warmup.isNegative()) throw new IllegalArgumentException("warmup must not be negative (was " + warmup + ")");
            if (pacedFraction <= 0 || pacedFraction > 1) throw new IllegalArgumentException("paced-fraction must be in (0, 1] (was " + pacedFraction + ")");
        }
    }

    /** The figures of one connection count. */
    record Round(int connections, Duration connectTime, int connectFailures, Map<String, String> heapBefore,
                 Map<String, String> heapConnected, Map<String, String> heapSeated, Map<String, String> heapClosed,
                 int seatedPairs, LoadWindow.Result peak, LoadWindow.Result paced, int clientOpenAtEnd, long serverConnectionsAtEnd,
                 int unexpectedCloses, int pairsNotIdleAfterStop, long finalViewsLost, Map<String, Long> errorsByCode, List<String> errorSamples) {
    }

    private ServerLoad() {
    }

    public static void main(String[] args) throws Exception {
        run(args).print(System.out);
    }

    /** Starts the server, runs a round for each connection count {@code args} name, and returns their report. */
    static LoadReport run(String[] args) throws Exception {
        DriverArgs options = DriverArgs.parse(args, Set.of(CONNECTIONS, GAME_TYPE, WARMUP, SECONDS, PACED_FRACTION, SERVER_HEAP, SEED, SERVER_JVM_OPTIONS));
        Settings settings = new Settings(
                options.integers(CONNECTIONS, List.of(1_000, 10_000)),
                options.text(GAME_TYPE, Cards.TYPE.name()),
                options.seconds(WARMUP, Duration.ofSeconds(10)),
                options.seconds(SECONDS, Duration.ofSeconds(20)),
                Double.parseDouble(options.text(PACED_FRACTION, "0.5")),
                options.text(SERVER_HEAP, "3g"),
                options.integer(SEED, 1));
        System.err.println("seed " + settings.seed() + " (rerun with --seed " + settings.seed() + ")");
        // MarkSweepDeadRatio=0: full collections compact everything, so the heap readings count live objects only.
        // AlwaysPreTouch: without it the server's young pauses spent most of their time in the kernel (docs/BENCHMARKS.md).
        List<String> serverJvm = new ArrayList<>(List.of("-Xms" + settings.serverHeap(), "-Xmx" + settings.serverHeap(),
                "-XX:MarkSweepDeadRatio=0", "-XX:+AlwaysPreTouch", "--enable-native-access=ALL-UNNAMED"));
        String extraJvmOptions = options.text(SERVER_JVM_OPTIONS, "").strip();
        if (!extraJvmOptions.isEmpty()) {
            serverJvm.addAll(List.of(extraJvmOptions.split("\\s+")));
        }
        List<Round> rounds = new ArrayList<>();
        GcPauses driverPauses = GcPauses.watch();
        try (ServerProcess server = ServerProcess.start(serverJvm, options.dataParent(LoadServer.DEFAULT_DATA_PARENT), options.keepData())) {
            WebSocketClient client = startClient();
            try {
                for (int connections : settings.connections()) {
                    rounds.add(round(settings, server, client, connections, driverPauses));
                }
            } finally {
                client.stop();
            }
            return new LoadReport(settings, serverJvm, server.pid(), rounds);
        }
    }

    private static WebSocketClient startClient() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("load-client");
        HttpClient http = new HttpClient();
        http.setExecutor(threads);
        http.setMaxConnectionsPerDestination(HANDSHAKES_AT_ONCE * 2);
        http.setMaxRequestsQueuedPerDestination(HANDSHAKES_AT_ONCE * 2);
        WebSocketClient client = new WebSocketClient(http);
        client.setIdleTimeout(Duration.ofMinutes(30));
        // Jetty starts every message it receives in a string builder of the read buffer's size: at its default,
        // 4 KiB, a third of what the driver allocated per command, for messages of a few hundred bytes.
        client.setInputBufferSize(READ_BUFFER_BYTES);
        client.start();
        return client;
    }

    private static Round round(Settings settings, ServerProcess server, WebSocketClient client, int connections, GcPauses driverPauses) {
        System.err.printf("%n%,d connections: measuring the server's heap before connecting%n", connections);
        try (LoadRun run = new LoadRun(settings.gameType())) {
            Map<String, String> heapBefore = server.heap();
            long connectStart = System.nanoTime();
            List<CardPair> pairs = connect(run, client, server.port(), connections, settings.seed());
            Duration connectTime = Duration.ofNanos(System.nanoTime() - connectStart);
            int connectFailures = (int) pairs.stream().filter(p -> !p.socket(0).isOpen() || !p.socket(1).isOpen()).count() * 2;
            System.err.printf("%,d connections open in %.1f s; heap, then seating %,d matches%n", connections, connectTime.toMillis() / 1e3, pairs.size());
            Map<String, String> heapConnected = server.heap();
            pairs.forEach(CardPair::start);
            awaitUntil(() -> run.seated.get() + run.errorCount() >= pairs.size(), SETUP_WAIT);
            int seatedPairs = run.seated.get();
            System.err.printf("%,d of %,d matches seated; heap, then peak%n", seatedPairs, pairs.size());
            Map<String, String> heapSeated = server.heap();

            run.peak();
            pairs.forEach(CardPair::proceed);
            LoadWindow.Result peak = LoadWindow.measure(run, server, driverPauses, "peak", 0, settings.warmup(), settings.measured());
            System.err.printf("peak: %,.0f commands/s; paced at %.0f %% of it%n", peak.commandsPerSecond(), settings.pacedFraction() * 100);
            double target = peak.commandsPerSecond() * settings.pacedFraction();
            run.paced(target, pairs.size());
            LoadWindow.Result paced = LoadWindow.measure(run, server, driverPauses, "paced", target, settings.warmup(), settings.measured());
            System.err.printf("paced: %,.0f commands/s; stopping%n", paced.commandsPerSecond());

            run.stop();
            awaitUntil(() -> pairs.stream().allMatch(CardPair::isIdle), Duration.ofSeconds(30));
            List<CardPair> busy = pairs.stream().filter(p -> !p.isIdle()).toList();
            busy.stream().limit(5).forEach(p -> System.err.println("not idle after the stop: " + p.describe()));
            int clientOpen = (int) pairs.stream().mapToLong(p -> (p.socket(0).isOpen() ? 1 : 0) + (p.socket(1).isOpen() ? 1 : 0)).sum();
            long serverConnections = LoadWindow.number(server.stats(), "connections");
            pairs.forEach(p -> {
                p.socket(0).close();
                p.socket(1).close();
            });
            awaitUntil(() -> LoadWindow.number(server.stats(), "connections") == 0, Duration.ofSeconds(60));
            Map<String, String> heapClosed = server.heap();
            return new Round(connections, connectTime, connectFailures, heapBefore, heapConnected, heapSeated, heapClosed, seatedPairs,
                    peak, paced, clientOpen, serverConnections, run.unexpectedCloses.get(), busy.size(), run.finalViewsLost.sum(), run.errorsByCode(),
                    run.errorSamples());
        }
    }

    /** Opens two sockets per pair, at most {@value #HANDSHAKES_AT_ONCE} handshakes at once, and waits for every welcome. */
    private static List<CardPair> connect(LoadRun run, WebSocketClient client, int port, int connections, long seed) {
        TokenAuthority tokens = TokenAuthority.withSecret(LoadServer.SECRET);
        Semaphore handshakes = new Semaphore(HANDSHAKES_AT_ONCE);
        List<CardPair> pairs = new ArrayList<>();
        List<CompletableFuture<Void>> welcomes = new ArrayList<>();
        for (int i = 0; i < connections / 2; i++) {
            String name = "n" + connections + "-p" + i;
            CardPair pair = new CardPair(run, name, name + "-a", name + "-b", seed * 1_000_003 + i);
            pairs.add(pair);
            for (int seat = 0; seat < 2; seat++) {
                PlayerSocket socket = pair.socket(seat);
                String token = tokens.issue(pair.player(seat), Principal.Role.PLAYER, Duration.ofHours(2));
                URI uri = URI.create("ws://127.0.0.1:" + port + "/ws?token=" + token);
                handshakes.acquireUninterruptibly();
                try {
                    client.connect(socket, uri).whenComplete((session, failure) -> {
                        handshakes.release();
                        if (failure != null) {
                            run.error("connect-failed", failure.toString());
                            socket.welcomed().completeExceptionally(failure);
                        }
                    });
                } catch (IOException e) {
                    handshakes.release();
                    throw new UncheckedIOException("cannot open a WebSocket to " + uri, e);
                }
                welcomes.add(socket.welcomed());
            }
        }
        try {
            CompletableFuture.allOf(welcomes.toArray(CompletableFuture[]::new)).get(SETUP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            long missing = welcomes.stream().filter(w -> !w.isDone() || w.isCompletedExceptionally()).count();
            System.err.println(missing + " of " + connections + " connections were not welcomed: " + e);
        }
        return pairs;
    }

    private static void awaitUntil(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                System.err.println("gave up waiting after " + limit);
                return;
            }
            LoadWindow.sleep(Duration.ofMillis(100));
        }
    }
}
