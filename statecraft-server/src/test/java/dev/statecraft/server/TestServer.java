package dev.statecraft.server;

import dev.statecraft.engine.Engine;
import dev.statecraft.engine.EngineOptions;
import dev.statecraft.examples.cards.Cards;
import dev.statecraft.examples.world.World;
import dev.statecraft.sqlite.SqliteStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A real server on a random port, over a real SQLite file, with both example games, and clients for it. */
final class TestServer implements AutoCloseable {
    static final byte[] SECRET = "statecraft-test-secret-of-32-bytes!!".getBytes(StandardCharsets.US_ASCII);

    final SqliteStore store;
    final Engine engine;
    final StatecraftServer server;
    final TokenAuthority tokens = TokenAuthority.withSecret(SECRET);
    final HttpClient http = HttpClient.newHttpClient();

    TestServer(Path folder) {
        this(folder, ServerOptions.defaults());
    }

    TestServer(Path folder, ServerOptions options) {
        this(folder, options, EngineOptions.defaults());
    }

    TestServer(Path folder, ServerOptions options, EngineOptions engineOptions) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.store = SqliteStore.open(folder.resolve("statecraft.db"));
        this.engine = Engine.builder().store(store).metrics(registry).register(Cards.TYPE, World.TYPE).options(engineOptions).build();
        this.server = StatecraftServer.builder(engine, store).tokens(tokens).metrics(registry)
                .options(options.withHost("127.0.0.1").withPort(0)).start();
    }

    String token(String player) {
        return tokens.issue(player, Principal.Role.PLAYER, Duration.ofMinutes(10));
    }

    String adminToken() {
        return tokens.issue("operator", Principal.Role.ADMIN, Duration.ofMinutes(10));
    }

    URI ws() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/ws");
    }

    URI ws(String token) {
        return URI.create(ws() + "?token=" + token);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** A connected player, its welcome message already read. */
    WsClient connect(String player) {
        WsClient client = WsClient.connect(http, ws(token(player)), Map.of());
        client.awaitType("welcome");
        return client;
    }

    HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + token).GET().build());
    }

    HttpResponse<String> post(String path, String token, String body) {
        return send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        engine.close();
        store.close();
        http.close();
    }
}
