package dev.statecraft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.codec.JsonCodec;
import dev.statecraft.testkit.Seeds;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class CardMatchTest {
    private static final JsonCodec JSON = JsonCodec.json();

    @Test
    void two_clients_play_a_card_match_to_a_winner_and_its_archive_and_history_are_readable_afterwards(@TempDir Path folder) {
        long seed = Seeds.seed("CardMatchTest");
        try (TestServer server = new TestServer(folder);
             WsClient ann = server.connect("ann");
             WsClient bob = server.connect("bob")) {
            CardTable table = new CardTable("match-1", ann, bob, new Random(seed));

            long seated = table.seat();
            String waiting = table.turnAt(seated).equals("ann") ? "bob" : "ann";
            JsonNode outOfTurn = table.command(waiting, "Draw", java.util.Map.of(), -1);
            String winner = table.playToTheEnd(seated);

            assertThat(outOfTurn.path("code").asString()).isEqualTo("wrong-seat");
            assertThat(winner).as("the winner, or nobody on a draw").isIn("ann", "bob", "");
            assertThat(ann.awaitType("ended").path("reason").asString()).isEqualTo("archived");
            assertThat(bob.awaitType("ended").path("reason").asString()).isEqualTo("archived");
            String admin = server.adminToken();
            JsonNode record = body(server.get("/api/admin/history/match-1?replay=true", admin), 200);
            assertThat(record.path("outcome").asString()).contains(winner);
            assertThat(record.path("gameType").asString()).isEqualTo("cards");
            assertThat(record.path("eventCount").asLong()).isEqualTo(record.path("finalVersion").asLong()).isGreaterThan(3);
            assertThat(record.path("finalState").path("outcome").path("winner").asString()).isEqualTo(winner);
            assertThat(record.path("replayedState")).isEqualTo(record.path("finalState"));
            assertThat(body(server.get("/api/admin/history", admin), 200).path("games").findValuesAsString("gameId")).containsExactly("match-1");
            assertThat(body(server.get("/api/admin/games", admin), 200).path("games").size()).isZero();
        }
    }

    static JsonNode body(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(status);
        return JSON.mapper().readTree(response.body());
    }

}
