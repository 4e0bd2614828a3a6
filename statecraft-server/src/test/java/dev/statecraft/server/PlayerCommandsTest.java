package dev.statecraft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class PlayerCommandsTest {

    @Test
    void a_command_id_one_player_used_does_not_capture_another_players_command(@TempDir Path folder) {
        try (TestServer server = new TestServer(folder);
             WsClient ann = server.connect("ann");
             WsClient bob = server.connect("bob")) {
            CardTable table = new CardTable("match-i", ann, bob, new Random(3));
            long version = table.seat();
            String first = table.turnAt(version);
            String second = first.equals("ann") ? "bob" : "ann";

            JsonNode firstMove = (first.equals("ann") ? ann : bob).request(Map.of("type", "command", "gameId", "match-i",
                    "commandId", "move-1", "command", "Draw"));
            JsonNode secondMove = (second.equals("ann") ? ann : bob).request(Map.of("type", "command", "gameId", "match-i",
                    "commandId", "move-1", "command", "Draw"));

            assertThat(firstMove.path("type").asString()).isEqualTo("accepted");
            assertThat(secondMove.path("type").asString()).as("%s", secondMove).isEqualTo("accepted");
            assertThat(secondMove.path("commandId").asString()).isEqualTo("move-1");
            assertThat(secondMove.path("version").asLong()).isEqualTo(firstMove.path("version").asLong() + 1);
            assertThat(server.engine.state("match-i").version()).isEqualTo(version + 2);
        }
    }

    @Test
    void a_payload_that_does_not_fit_its_command_is_refused_naming_no_internal_class(@TempDir Path folder) {
        try (TestServer server = new TestServer(folder);
             WsClient ann = server.connect("ann")) {
            ann.request(Map.of("type", "create", "gameType", "cards", "gameId", "match-j"));

            JsonNode wrongRank = ann.request(Map.of("type", "command", "gameId", "match-j", "commandId", "c1", "command", "Play",
                    "payload", Map.of("card", Map.of("suit", "HEARTS", "rank", 11))));
            JsonNode noCard = ann.request(Map.of("type", "command", "gameId", "match-j", "commandId", "c2", "command", "Play"));

            for (JsonNode reply : new JsonNode[] {wrongRank, noCard}) {
                assertThat(reply.path("code").asString()).isEqualTo("invalid-field");
                assertThat(reply.path("message").asString()).startsWith("the payload of Play does not fit it").doesNotContain("dev.statecraft");
            }
            assertThat(wrongRank.path("message").asString()).contains("rank must be 1 to 10 (was 11)");
            // the field that is missing, and nothing of the server's JSON settings (a class name cut short once read "DeserializationF...")
            assertThat(noCard.path("message").asString()).contains("Missing creator property 'card'").doesNotContain("Deserialization", "`");
            JsonNode noSuit = ann.request(Map.of("type", "command", "gameId", "match-j", "commandId", "c3", "command", "Play",
                    "payload", Map.of("card", Map.of("rank", 7))));
            assertThat(noSuit.path("message").asString()).contains("Missing creator property 'suit'").doesNotContain("Deserialization", "`");
            Map<String, Object> cardWithoutRank = new HashMap<>(Map.of("suit", "HEARTS"));
            cardWithoutRank.put("rank", null);
            JsonNode nullRank = ann.request(Map.of("type", "command", "gameId", "match-j", "commandId", "c4", "command", "Play",
                    "payload", Map.of("card", cardWithoutRank)));
            assertThat(nullRank.path("code").asString()).isEqualTo("invalid-field");
            assertThat(nullRank.path("message").asString()).as("%s", nullRank).contains("null").doesNotContain("Deserialization", "to allow");
            assertThat(server.engine.state("match-j").version()).isZero();
        }
    }

    @Test
    void text_outside_ascii_comes_back_as_the_client_sent_it(@TempDir Path folder) {
        String ref = "ゲーム 🃏 é";
        try (TestServer server = new TestServer(folder);
             WsClient ann = server.connect("ann")) {
            ann.send(Map.of("type", "create", "gameType", "cards", "gameId", "match-k", "ref", ref));
            JsonNode created = ann.awaitType("created");
            ann.send(Map.of("type", "ゲーム", "ref", ref));
            JsonNode unknown = ann.awaitType("error");

            assertThat(created.path("ref").asString()).isEqualTo(ref);
            assertThat(unknown.path("ref").asString()).isEqualTo(ref);
            assertThat(unknown.path("message").asString()).startsWith("unknown message type 'ゲーム'");
        }
    }
}
