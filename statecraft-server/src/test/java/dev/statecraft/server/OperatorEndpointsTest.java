package dev.statecraft.server;

import static dev.statecraft.server.CardMatchTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.codec.JsonCodec;
import dev.statecraft.engine.RecordedEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class OperatorEndpointsTest {
    private static final JsonCodec JSON = JsonCodec.json();

    @Test
    void an_operator_reads_games_their_state_now_at_a_version_and_at_an_instant_their_events_and_archives_one(@TempDir Path folder) {
        try (TestServer server = new TestServer(folder);
             WsClient ann = server.connect("ann");
             WsClient bob = server.connect("bob")) {
            CardTable table = new CardTable("match-o", ann, bob, new Random(7));
            long version = table.play(table.seat(), 4);
            String admin = server.adminToken();

            JsonNode games = body(server.get("/api/admin/games", admin), 200).path("games");
            assertThat(games.findValuesAsString("gameId")).containsExactly("match-o");
            assertThat(games.get(0).path("gameType").asString()).isEqualTo("cards");

            JsonNode now = body(server.get("/api/admin/games/match-o", admin), 200);
            assertThat(now.path("version").asLong()).isEqualTo(version);
            assertThat(now.path("state")).isEqualTo(JSON.tree(server.engine.state("match-o").value()));

            JsonNode atTwo = body(server.get("/api/admin/games/match-o?version=2", admin), 200);
            assertThat(atTwo.path("version").asLong()).isEqualTo(2);
            assertThat(atTwo.path("phase").asString()).isEqualTo("LOBBY");
            assertThat(atTwo.path("state")).isEqualTo(JSON.tree(server.engine.stateAt("match-o", 2).value()));

            List<RecordedEvent> recorded = server.engine.events("match-o", 1, version);
            Instant third = recorded.get(2).recordedAt();
            JsonNode atInstant = body(server.get("/api/admin/games/match-o?at=" + third, admin), 200);
            assertThat(atInstant.path("version").asLong()).isEqualTo(recorded.stream().filter(e -> !e.recordedAt().isAfter(third)).count());

            JsonNode events = body(server.get("/api/admin/games/match-o/events?from=2&to=3", admin), 200).path("events");
            assertThat(events.findValuesAsString("type")).containsExactly("PlayerJoined", "MatchStarted");
            assertThat(events.get(0).path("version").asLong()).isEqualTo(2);
            assertThat(events.get(0).path("commandId").asString()).isEqualTo(recorded.get(1).commandId());

            JsonNode archived = body(server.post("/api/admin/games/match-o/archive", admin, ""), 200);
            assertThat(archived.path("finalVersion").asLong()).isEqualTo(version);
            assertThat(ann.awaitType("ended").path("reason").asString()).isEqualTo("archived");
            assertThat(body(server.get("/api/admin/games", admin), 200).path("games").size()).isZero();
            JsonNode history = body(server.get("/api/admin/history/match-o?replay=true", admin), 200);
            assertThat(history.path("eventCount").asLong()).isEqualTo(version);
            assertThat(history.path("replayedState")).isEqualTo(history.path("finalState"));
            JsonNode state = body(server.get("/api/admin/games/match-o?version=3", admin), 200);
            assertThat(state.path("phase").asString()).as("an archived game's past stays readable").isEqualTo("PLAYING");
        }
    }

    @Test
    void operator_endpoints_refuse_bad_parameters_and_unknown_games_with_their_codes(@TempDir Path folder) {
        try (TestServer server = new TestServer(folder)) {
            String admin = server.adminToken();
            server.engine.create(server.engine.gameType("cards").orElseThrow(), "match-p", dev.statecraft.rules.Setup.empty());

            assertThat(body(server.get("/api/admin/games/nope", admin), 404).path("code").asString()).isEqualTo("unknown-game");
            assertThat(body(server.get("/api/admin/games/match-p?version=x", admin), 400).path("code").asString()).isEqualTo("invalid-field");
            assertThat(body(server.get("/api/admin/games/match-p?at=yesterday", admin), 400).path("message").asString()).contains("ISO-8601");
            assertThat(body(server.get("/api/admin/games?limit=0", admin), 400).path("code").asString()).isEqualTo("invalid-field");
            assertThat(body(server.get("/api/admin/history/match-p", admin), 404).path("code").asString()).isEqualTo("not-found");
            assertThat(body(server.get("/api/admin/nothing-here", admin), 404).path("code").asString()).isEqualTo("not-found");
            assertThat(server.engine.state("match-p").version()).isZero();
        }
    }

    @Test
    void health_needs_no_token_and_metrics_show_the_engine_and_server_figures_to_an_admin(@TempDir Path folder) {
        try (TestServer server = new TestServer(folder);
             WsClient ann = server.connect("ann")) {
            ann.request(Map.of("type", "create", "gameType", "cards", "gameId", "match-m"));
            ann.request(Map.of("type", "command", "gameId", "match-m", "commandId", "c1", "command", "Join"));
            ann.request(Map.of("type", "shout"));

            JsonNode health = body(server.send(java.net.http.HttpRequest.newBuilder(server.url("/health")).build()), 200);
            assertThat(health.path("status").asString()).isEqualTo("up");
            assertThat(health.path("connections").asInt()).isEqualTo(1);
            String metrics = server.get("/metrics", server.adminToken()).body();
            assertThat(metrics).contains("statecraft_server_connections 1.0")
                    .contains("statecraft_server_commands_total{outcome=\"accepted\"} 1.0")
                    .contains("statecraft_server_refused_total{code=\"unknown-type\"} 1.0")
                    .contains("statecraft_games_hot");
            assertThat(server.get("/metrics", server.token("ann")).statusCode()).isEqualTo(403);
        }
    }
}
