package dev.statecraft.server;

import dev.statecraft.GameNotFoundException;
import dev.statecraft.engine.BufferFullException;
import dev.statecraft.engine.Engine;
import dev.statecraft.store.Store;
import io.javalin.Javalin;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.servlet.JavalinWsServletContext;
import io.javalin.http.staticfiles.Location;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP and WebSocket server in front of an engine (docs/PROTOCOL.md). It owns its Jetty server and
 * nothing else: the engine and store are the caller's, to close after the server.
 *
 * <pre>{@code
 * try (StatecraftServer server = StatecraftServer.builder(engine, store).tokens(authority).options(options).start()) {
 *     ...
 * }
 * }</pre>
 */
public final class StatecraftServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatecraftServer.class);

    private static final int ACCEPT_QUEUE = 1_024;
    /**
     * Jetty reads a connection's bytes into a buffer of this size, and starts every text message it receives
     * in a new string builder of this size too. Its default, 4 KiB, was an eighth of all the server allocated
     * per card command (docs/BENCHMARKS.md, server load); a command is a few hundred bytes, and a larger
     * message (up to {@link ServerOptions#maxFrameBytes()}) still arrives whole, in more reads.
     */
    private static final int READ_BUFFER_BYTES = 1_024;

    private final Javalin app;
    private final GameSocket socket;
    private final boolean devMode;

    private StatecraftServer(Builder builder) {
        this.devMode = builder.devMode;
        ServerOptions options = builder.options;
        ServerMetrics metrics = new ServerMetrics(builder.registry);
        Authenticator authenticator = new Authenticator(builder.tokens);
        OriginPolicy origins = new OriginPolicy(options.allowedOrigins());
        this.socket = new GameSocket(builder.engine, options, metrics);
        PlayerRoutes playerRoutes = new PlayerRoutes(new PlayerActions(builder.engine), authenticator, metrics);
        OperatorRoutes operatorRoutes = new OperatorRoutes(builder.engine, builder.store, authenticator);
        this.app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = options.maxFrameBytes();
            config.startup.showJavalinBanner = false;
            // Jetty's default listen backlog (50) drops connection attempts of a reconnect storm; clients then
            // retry only after seconds. One connector of our own, with a backlog sized for many clients at once.
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(options.host());
                connector.setPort(options.port());
                connector.setAcceptQueueSize(ACCEPT_QUEUE);
                return connector;
            });
            config.jetty.modifyWebSocketServletFactory(factory -> {
                factory.setIdleTimeout(options.idleTimeout());
                factory.setInputBufferSize(READ_BUFFER_BYTES);
                factory.setMaxTextMessageSize(options.maxFrameBytes());
                factory.setMaxBinaryMessageSize(options.maxFrameBytes());
            });
            config.routes.get("/health", ctx -> Http.json(ctx, Map.of("status", "up",
                    "hotGames", builder.engine.hotGameCount(), "connections", socket.openConnections())));
            config.routes.get("/metrics", ctx -> {
                authenticator.authenticateAdmin(ctx.header("Authorization"));
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(builder.registry.scrape());
            });
            config.routes.wsBeforeUpgrade("/ws", ctx -> {
                if (!origins.allows(ctx.header("Origin"), ctx.header("Host"))) {
                    throw ClientError.refuse(ClientError.WRONG_ORIGIN, "Origin " + FrameParser.abbreviate(ctx.header("Origin")) + " is not allowed");
                }
                if (socket.isFull()) {
                    throw ClientError.refuse(ClientError.TOO_MANY_CONNECTIONS, "the server holds its maximum of " + options.maxConnections() + " connections");
                }
                ctx.attribute(GameSocket.PRINCIPAL, authenticator.authenticate(ctx.header("Authorization"), ctx.queryParam("token")));
            });
            config.routes.ws("/ws", socket::configure);
            playerRoutes.register(config.routes);
            operatorRoutes.register(config.routes);
            if (devMode) {
                DevTokens.register(config.routes, builder.tokens);
                config.staticFiles.add("/statecraft-public", Location.CLASSPATH);
            }
            mapErrors(config, metrics);
        });
        app.start();
        if (devMode) {
            log.warn("DEV MODE: anyone can get a token for any player from POST /dev/token; never expose this server. "
                    + "Play a card match at http://localhost:{}/", app.port());
        }
        log.info("statecraft server listening on {}:{} (WebSocket /ws, HTTP /api, /health, /metrics)", options.host(), app.port());
    }

    public static Builder builder(Engine engine, Store store) {
        return new Builder(engine, store);
    }

    public int port() {
        return app.port();
    }

    public boolean isDevMode() {
        return devMode;
    }

    /** Closes every connection and stops listening; the engine and store stay open. */
    @Override
    public void close() {
        app.stop();
    }

    private static void mapErrors(JavalinConfig config, ServerMetrics metrics) {
        config.routes.exception(ClientErrorException.class, (e, ctx) -> reply(ctx, metrics, e.error()));
        config.routes.exception(GameNotFoundException.class, (e, ctx) -> reply(ctx, metrics, PlayerActions.unknownGame(e.gameId()).error()));
        config.routes.exception(BufferFullException.class, (e, ctx) -> reply(ctx, metrics, ClientError.of(ClientError.BUSY, e.getMessage())));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> reply(ctx, metrics, switch (e.getStatus()) {
            case 413 -> new ClientError(ClientError.FRAME_TOO_LARGE, 413, "the request body is larger than the server accepts");
            case 404 -> ClientError.of(ClientError.NOT_FOUND, "no such endpoint");
            default -> new ClientError(ClientError.INVALID_FIELD, e.getStatus(), e.getMessage());
        }));
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            reply(ctx, metrics, ClientError.of(ClientError.INTERNAL, "the server failed to handle the request; nothing was applied"));
        });
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                reply(ctx, metrics, ClientError.of(ClientError.NOT_FOUND, "no such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
    }

    private static void reply(Context ctx, ServerMetrics metrics, ClientError error) {
        metrics.refused(error.code());
        ctx.status(error.httpStatus());
        Http.json(ctx, Map.of("code", error.code(), "message", error.message()));
        if (ctx instanceof JavalinWsServletContext) {
            writeRefusedHandshake(ctx);
        }
    }

    /** Javalin sends the status of a WebSocket handshake refused before the upgrade, but not its result: the body is written here. */
    private static void writeRefusedHandshake(Context ctx) {
        try (InputStream result = ctx.resultInputStream()) {
            byte[] body = result == null ? new byte[0] : result.readAllBytes();
            ctx.res().setContentLength(body.length);
            ctx.res().getOutputStream().write(body);
        } catch (IOException e) {
            log.debug("refused handshake from {}: the client went away before its reply was written", ctx.ip(), e);
        }
    }

    public static final class Builder {
        private final Engine engine;
        private final Store store;
        private ServerOptions options = ServerOptions.defaults();
        private TokenAuthority tokens;
        private PrometheusMeterRegistry registry;
        private boolean devMode;

        private Builder(Engine engine, Store store) {
            this.engine = Objects.requireNonNull(engine, "engine");
            this.store = Objects.requireNonNull(store, "store");
        }

        public Builder options(ServerOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        /** The authority whose tokens the server accepts; required unless in dev mode. */
        public Builder tokens(TokenAuthority value) {
            this.tokens = Objects.requireNonNull(value, "tokens");
            return this;
        }

        /** Where the server's figures go and what /metrics shows; pass the engine's registry to show its figures too. */
        public Builder metrics(PrometheusMeterRegistry value) {
            this.registry = Objects.requireNonNull(value, "metrics");
            return this;
        }

        /**
         * Issues tokens to anyone who asks (POST /dev/token) and serves the demo page. For trying the
         * server on one machine only; the log and the page say so.
         */
        public Builder devMode() {
            this.devMode = true;
            return this;
        }

        public StatecraftServer start() {
            if (tokens == null) {
                if (!devMode) {
                    throw new IllegalStateException("the server needs a token authority (the secret that signs tokens), or dev mode");
                }
                tokens = TokenAuthority.withRandomSecret();
            }
            if (registry == null) {
                registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            }
            return new StatecraftServer(this);
        }
    }
}
