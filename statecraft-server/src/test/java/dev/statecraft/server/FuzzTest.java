package dev.statecraft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.testkit.Seeds;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated frames ({@link FuzzFrames}) sent over several real WebSocket connections at once
 * to one server: it never fails, answers every message exactly once, never with internal-error, and
 * serves a normal card match afterwards. {@code bin/fuzz-server} runs it with many more frames.
 */
class FuzzTest {
    private static final int FRAMES = Seeds.scaled(100_000);
    private static final List<String> PLAYERS = List.of("ann", "bob", "cid", "eve");
    private static final int WINDOW = 64;
    private static final List<String> GAME_IDS = List.of("fz-match", "fz-match", "fz-lobby", "fz-world", "fz-world", "fz-nowhere",
            "fz-new-1", "-fz", "fz match", "", "x".repeat(129), "ゲーム", "fz-match.", "FZ-MATCH");

    @Test
    void random_and_mutated_frames_get_one_reply_each_never_an_internal_error_and_a_match_plays_afterwards(@TempDir Path folder)
            throws Exception {
        long seed = Seeds.seed("FuzzTest");
        ServerOptions options = ServerOptions.defaults().withMessageRate(1_000_000, 1_000_000);
        try (TestServer server = new TestServer(folder, options)) {
            createGamesToAimAt(server);
            List<FuzzConnection> connections = new ArrayList<>();
            long started = System.nanoTime();
            try (ExecutorService senders = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("fuzz-", 0).factory())) {
                List<Future<?>> sending = new ArrayList<>();
                for (int i = 0; i < PLAYERS.size(); i++) {
                    FuzzConnection connection = new FuzzConnection(server.http, server.ws(server.token(PLAYERS.get(i))), WINDOW);
                    connections.add(connection);
                    FuzzFrames frames = new FuzzFrames(new Random(seed + i), "~" + i + ".", GAME_IDS, options.maxFrameBytes());
                    int share = FRAMES / PLAYERS.size() + (i < FRAMES % PLAYERS.size() ? 1 : 0);
                    sending.add(senders.submit(() -> {
                        for (int n = 0; n < share && connection.send(frames.next()); n++) {
                            // the connection counts what it sends and receives
                        }
                        return null;
                    }));
                }
                for (Future<?> sender : sending) {
                    sender.get();
                }
            }
            for (FuzzConnection connection : connections) {
                await().atMost(WsClient.WAIT).until(() -> connection.replies() >= connection.sent() || connection.isClosed());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            report(connections, took);

            long sent = 0;
            for (FuzzConnection connection : connections) {
                assertThat(connection.problems()).as("problems seen by one connection").isEmpty();
                assertThat(connection.closeDescription()).isEqualTo("open");
                assertThat(connection.replies()).as("replies, one per frame").isEqualTo(connection.sent());
                assertThat(connection.awaited()).as("tracked refs without a reply").isEmpty();
                sent += connection.sent();
                connection.close();
            }
            assertThat(sent).isEqualTo(FRAMES);
            assertThat(metric(server, "internal-error")).as("internal errors counted by the server").isEmpty();
            aCardMatchStillPlaysToTheEnd(server, seed);
        }
    }

    private static void createGamesToAimAt(TestServer server) {
        try (WsClient ann = server.connect("ann"); WsClient bob = server.connect("bob")) {
            new CardTable("fz-match", ann, bob, new Random(0)).seat();
            assertThat(ann.request(Map.of("type", "create", "gameType", "cards", "gameId", "fz-lobby")).path("type").asString()).isEqualTo("created");
            assertThat(ann.request(Map.of("type", "create", "gameType", "world", "gameId", "fz-world")).path("type").asString()).isEqualTo("created");
        }
    }

    private static void aCardMatchStillPlaysToTheEnd(TestServer server, long seed) {
        try (WsClient ann = server.connect("ann"); WsClient bob = server.connect("bob")) {
            CardTable table = new CardTable("after-fuzz", ann, bob, new Random(seed));
            String winner = table.playToTheEnd(table.seat());
            assertThat(winner).as("the winner, or none for a draw").isIn("ann", "bob", "");
            assertThat(server.engine.findArchived("after-fuzz")).isPresent();
        }
        HttpResponse<String> health = server.send(java.net.http.HttpRequest.newBuilder(server.url("/health")).GET().build());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    /** The server's own count of refusals with {@code code}, as /metrics shows it; empty when none was counted. */
    private static List<String> metric(TestServer server, String code) {
        HttpResponse<String> metrics = server.get("/metrics", server.adminToken());
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body().lines().filter(line -> line.contains("code=\"" + code + "\"") && !line.startsWith("#")).toList();
    }

    private static void report(List<FuzzConnection> connections, Duration took) {
        Map<String, Long> outcomes = new TreeMap<>();
        long sent = 0;
        for (FuzzConnection connection : connections) {
            sent += connection.sent();
            connection.outcomes().forEach((outcome, count) -> outcomes.merge(outcome, count, Long::sum));
        }
        System.out.printf("[fuzz] %,d frames over %d connections in %.1f s (%,.0f frames/s); replies: %s%n",
                sent, connections.size(), took.toMillis() / 1000.0, sent * 1000.0 / Math.max(1, took.toMillis()), outcomes);
    }
}
