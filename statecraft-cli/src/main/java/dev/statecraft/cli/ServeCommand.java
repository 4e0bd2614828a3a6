package dev.statecraft.cli;

import dev.statecraft.engine.Engine;
import dev.statecraft.engine.EngineOptions;
import dev.statecraft.server.ServerOptions;
import dev.statecraft.server.StatecraftServer;
import dev.statecraft.server.TokenAuthority;
import dev.statecraft.sqlite.SqliteOptions;
import dev.statecraft.sqlite.SqliteStore;
import dev.statecraft.sqlite.SqliteStoreProvider;
import dev.statecraft.store.Store;
import dev.statecraft.store.memory.InMemoryStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the game server with both example games until it is stopped (Ctrl-C or SIGTERM). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the game server (WebSocket and HTTP, docs/PROTOCOL.md) with the example games cards and world.",
                "Every option can also be set by the environment variable named in its description."})
final class ServeCommand implements Callable<Integer> {
    static final String SECRET_VARIABLE = "STATECRAFT_TOKEN_SECRET";

    @Mixin
    DataFolder data;

    @Option(names = "--store", paramLabel = "sqlite|memory", defaultValue = "${env:STATECRAFT_STORE:-sqlite}",
            description = "sqlite: durable, in <data>/statecraft.db; memory: nothing survives a restart (STATECRAFT_STORE, default: ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--port", defaultValue = "${env:STATECRAFT_PORT:-8080}",
            description = "TCP port; 0 picks a free one (STATECRAFT_PORT, default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "${env:STATECRAFT_HOST}",
            description = "Interface to listen on (STATECRAFT_HOST, default: 127.0.0.1 with --dev, else 0.0.0.0).")
    String host;

    @Option(names = "--dev", defaultValue = "${env:STATECRAFT_DEV:-false}",
            description = "Dev mode: hands tokens to anyone (POST /dev/token) and serves a page to play cards. Never expose it (STATECRAFT_DEV).")
    boolean dev;

    @Option(names = "--token-secret-file", paramLabel = "<file>", defaultValue = "${env:STATECRAFT_TOKEN_SECRET_FILE}",
            description = "File holding the HMAC secret that signs tokens, 32 bytes or more (STATECRAFT_TOKEN_SECRET_FILE; or the secret itself in "
                    + SECRET_VARIABLE + ").")
    Path secretFile;

    @Option(names = "--allowed-origin", paramLabel = "<origin>", split = ",", defaultValue = "${env:STATECRAFT_ALLOWED_ORIGINS}",
            description = "Browser origins besides the server's own that may open a WebSocket, e.g. https://game.example.com (STATECRAFT_ALLOWED_ORIGINS, comma-separated).")
    List<String> allowedOrigins;

    @Option(names = "--max-connections", defaultValue = "${env:STATECRAFT_MAX_CONNECTIONS:-20000}",
            description = "Open WebSocket connections at most (STATECRAFT_MAX_CONNECTIONS, default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--max-frame-bytes", defaultValue = "${env:STATECRAFT_MAX_FRAME_BYTES:-16384}",
            description = "Largest WebSocket message or HTTP body (STATECRAFT_MAX_FRAME_BYTES, default: ${DEFAULT-VALUE}).")
    int maxFrameBytes;

    @Option(names = "--messages-per-second", defaultValue = "${env:STATECRAFT_MESSAGES_PER_SECOND:-50}",
            description = "Messages one connection may send per second; bursts of twice that (STATECRAFT_MESSAGES_PER_SECOND, default: ${DEFAULT-VALUE}).")
    int messagesPerSecond;

    @Option(names = "--idle-timeout", defaultValue = "${env:STATECRAFT_IDLE_TIMEOUT:-PT5M}",
            description = "A connection with no traffic this long is closed, ISO-8601 (STATECRAFT_IDLE_TIMEOUT, default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--max-hot-games", defaultValue = "${env:STATECRAFT_MAX_HOT_GAMES:-100000}",
            description = "Games kept in memory at most; the least recently used leave first (STATECRAFT_MAX_HOT_GAMES, default: ${DEFAULT-VALUE}).")
    int maxHotGames;

    @Option(names = "--warm", defaultValue = "${env:STATECRAFT_WARM:-0}",
            description = "Load this many of the most recently active games at start (STATECRAFT_WARM, default: ${DEFAULT-VALUE}).")
    int warm;

    @Override
    public Integer call() throws InterruptedException {
        ServerOptions options = ServerOptions.defaults()
                .withHost(host != null && !host.isBlank() ? host : dev ? "127.0.0.1" : "0.0.0.0")
                .withPort(port)
                .withMaxConnections(maxConnections)
                .withMaxFrameBytes(maxFrameBytes)
                .withMessageRate(messagesPerSecond, 2 * messagesPerSecond)
                .withIdleTimeout(idleTimeout)
                .withAllowedOrigins(allowedOrigins == null ? java.util.Set.of() : new LinkedHashSet<>(allowedOrigins));
        TokenAuthority tokens = tokens();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Store opened = openStore(registry);
        Engine engine;
        try {
            engine = Engine.builder().store(opened).metrics(registry).register(ExampleGames.types())
                    .options(EngineOptions.defaults().withMaxHotGames(maxHotGames).withWarmOnStart(warm)).build();
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        StatecraftServer.Builder server = StatecraftServer.builder(engine, opened).options(options).metrics(registry);
        if (tokens != null) {
            server.tokens(tokens);
        }
        if (dev) {
            server.devMode();
        }
        StatecraftServer running;
        try {
            running = server.start();
        } catch (RuntimeException e) {
            engine.close();
            opened.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Connections first, then the engine (which flushes what is buffered), then the store.
            try (opened; engine; running) {
                System.out.println("statecraft: stopping");
            } finally {
                stopped.countDown();
            }
        }, "statecraft-shutdown"));
        printWelcome(running, options);
        stopped.await();
        return ExitCodes.OK;
    }

    private Store openStore(PrometheusMeterRegistry registry) {
        return switch (store) {
            case "sqlite" -> {
                try {
                    Files.createDirectories(data.folder);
                } catch (IOException e) {
                    throw new CliException(ExitCodes.FAILURE, "cannot create data folder " + data.folder + ": " + e.getMessage());
                }
                yield SqliteStore.open(data.folder.resolve(SqliteStoreProvider.FILE_NAME), SqliteOptions.defaults(), registry);
            }
            case "memory" -> InMemoryStore.create();
            default -> throw new CliException(ExitCodes.USAGE, "--store must be sqlite or memory (was '" + store + "')");
        };
    }

    /** The authority of the configured secret; null in dev mode without one (the server makes a random one). */
    private TokenAuthority tokens() {
        String fromEnvironment = System.getenv(SECRET_VARIABLE);
        byte[] secret;
        if (secretFile != null) {
            try {
                secret = Files.readString(secretFile, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException(ExitCodes.NOT_FOUND, "cannot read the token secret file " + secretFile + ": " + e.getMessage());
            }
        } else if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            secret = fromEnvironment.strip().getBytes(StandardCharsets.UTF_8);
        } else if (dev) {
            return null;
        } else {
            throw new CliException(ExitCodes.USAGE, "serve needs the secret that signs tokens: set " + SECRET_VARIABLE
                    + " or --token-secret-file (" + TokenAuthority.MIN_SECRET_BYTES + " bytes or more), or add --dev to try the server on this machine");
        }
        if (secret.length < TokenAuthority.MIN_SECRET_BYTES) {
            throw new CliException(ExitCodes.USAGE, "the token secret must be at least " + TokenAuthority.MIN_SECRET_BYTES
                    + " bytes (was " + secret.length + ")");
        }
        return TokenAuthority.withSecret(secret);
    }

    private void printWelcome(StatecraftServer running, ServerOptions options) {
        String base = "http://" + ("0.0.0.0".equals(options.host()) ? "localhost" : options.host()) + ":" + running.port();
        System.out.println("statecraft: listening on port " + running.port() + " (store: " + store
                + ("sqlite".equals(store) ? " in " + data.folder.toAbsolutePath().normalize() : "") + ", games: cards, world)");
        System.out.println("  WebSocket " + base.replace("http", "ws") + "/ws   HTTP " + base + "/api   " + base + "/health   " + base + "/metrics");
        if (running.isDevMode()) {
            System.out.println();
            System.out.println("DEV MODE: anyone can get a token from POST /dev/token. Do not expose this server.");
            System.out.println("Play a card match: open " + base + "/ in two browser tabs, one as ann and one as bob.");
            System.out.println("Or from a shell (protocol: docs/PROTOCOL.md):");
            System.out.println("  curl -s -X POST " + base + "/dev/token -d '{\"player\":\"ann\"}'");
        }
        System.out.println("Stop with Ctrl-C.");
    }
}
