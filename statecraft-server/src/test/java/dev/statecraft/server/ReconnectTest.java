package dev.statecraft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.codec.JsonCodec;
import dev.statecraft.engine.EngineOptions;
import dev.statecraft.testkit.Seeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ReconnectTest {
    private static final JsonCodec JSON = JsonCodec.json();

    @Test
    void a_client_that_drops_mid_match_resumes_from_its_last_version_with_nothing_lost_or_repeated_and_its_resent_command_applies_once(
            @TempDir Path folder) {
        try (TestServer server = new TestServer(folder);
             WsClient ann = server.connect("ann");
             WsClient bob = server.connect("bob")) {
            CardTable table = new CardTable("match-r", ann, bob, new Random(Seeds.seed("ReconnectTest")));
            long version = table.play(table.seat(), 6);
            while (!table.turnAt(version).equals("ann")) {
                version = table.play(version, 1);
            }
            // ann sends a move and loses the connection before the reply reaches her
            JsonNode annView = ann.awaitView("match-r", version);
            ann.send(Map.of("type", "command", "gameId", "match-r", "commandId", "ann-lost-reply", "command",
                    annView.path("view").path("deckCount").asInt() > 0 ? "Draw" : "Pass"));
            long movedFrom = version;
            await().until(() -> server.engine.state("match-r").version() > movedFrom);
            ann.abort();
            List<Long> before = viewVersions(ann.received());
            long lastSeen = before.getLast();
            long afterMove = server.engine.state("match-r").version();

            try (WsClient annAgain = server.connect("ann")) {
                annAgain.request(Map.of("type", "join", "gameId", "match-r", "since", lastSeen));
                JsonNode resent = annAgain.request(Map.of("type", "command", "gameId", "match-r", "commandId", "ann-lost-reply",
                        "command", annView.path("view").path("deckCount").asInt() > 0 ? "Draw" : "Pass"));
                assertThat(resent.path("type").asString()).isEqualTo("accepted");
                assertThat(resent.path("version").asLong()).isEqualTo(afterMove);
                assertThat(server.engine.state("match-r").version()).as("the resent command applied nothing").isEqualTo(afterMove);

                annAgain.holdView(ann.lastView("match-r"));
                table.replace("ann", annAgain);
                table.playToTheEnd(afterMove);
                long finalVersion = server.engine.archivedState("match-r").version();
                annAgain.awaitType("ended");
                List<Long> all = new ArrayList<>(before);
                all.addAll(viewVersions(annAgain.received()));
                assertThat(all).as("ann's views across both connections: every version once, in order")
                        .containsExactlyElementsOf(LongStream.rangeClosed(0, finalVersion).boxed().toList());
            }
        }
    }

    private static List<Long> viewVersions(List<String> messages) {
        return messages.stream().map(text -> JSON.mapper().readTree(text))
                .filter(m -> m.path("type").asString().equals("view"))
                .map(m -> m.path("version").asLong()).toList();
    }

    @Test
    void a_client_further_behind_than_the_subscriber_queue_allows_is_told_to_join_afresh_and_then_gets_the_view_now(@TempDir Path folder) {
        try (TestServer server = new TestServer(folder, ServerOptions.defaults(), EngineOptions.defaults().withSubscriberQueueLimit(8));
             WsClient ann = server.connect("ann")) {
            ann.request(Map.of("type", "create", "gameType", "world", "gameId", "zone-r"));
            ann.request(Map.of("type", "command", "gameId", "zone-r", "commandId", "enter", "command", "EnterWorld"));
            for (int step = 0; step < 12; step++) {
                ann.request(Map.of("type", "command", "gameId", "zone-r", "commandId", "m" + step, "command", "Move",
                        "payload", Map.of("x", 33 - step % 2, "y", 32)));
            }

            JsonNode refused = ann.request(Map.of("type", "join", "gameId", "zone-r", "since", 1));
            JsonNode afresh = ann.request(Map.of("type", "join", "gameId", "zone-r"));

            assertThat(refused.path("code").asString()).isEqualTo("too-far-behind");
            assertThat(refused.path("message").asString()).contains("12 versions to catch up, more than the 8");
            assertThat(afresh.path("type").asString()).isEqualTo("joined");
            assertThat(ann.awaitView("zone-r", 13).path("version").asLong()).isEqualTo(13);
        }
    }
}
