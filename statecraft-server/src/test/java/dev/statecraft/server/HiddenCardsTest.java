package dev.statecraft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.codec.JsonCodec;
import dev.statecraft.examples.cards.Card;
import dev.statecraft.examples.cards.CardState;
import dev.statecraft.testkit.Seeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class HiddenCardsTest {
    private static final JsonCodec JSON = JsonCodec.json();

    @RepeatedTest(3)
    void across_a_whole_random_match_no_message_to_a_seat_or_a_spectator_holds_a_card_hidden_from_it(@TempDir Path folder) {
        Random random = new Random(Seeds.seed("HiddenCardsTest"));
        try (TestServer server = new TestServer(folder);
             WsClient ann = server.connect("ann");
             WsClient bob = server.connect("bob");
             WsClient carol = server.connect("carol")) {
            CardTable table = new CardTable("match-h", ann, bob, random);
            long seated = table.seat();
            assertThat(carol.request(Map.of("type", "spectate", "gameId", "match-h", "since", 0)).path("seat").asString()).isEqualTo("spectator");

            table.playToTheEnd(seated);

            for (WsClient client : List.of(ann, bob, carol)) {
                assertThat(client.awaitType("ended").path("reason").asString()).isEqualTo("archived");
            }
            long finalVersion = server.engine.archivedState("match-h").version();
            assertNoHiddenCard(server, ann.received(), "ann", finalVersion);
            assertNoHiddenCard(server, bob.received(), "bob", finalVersion);
            assertNoHiddenCard(server, carol.received(), "", finalVersion);
        }
    }

    /** Every card in every message is in the seat's own hand or on the discard pile at the message's version. */
    private static void assertNoHiddenCard(TestServer server, List<String> messages, String player, long finalVersion) {
        List<Long> viewVersions = new ArrayList<>();
        for (String text : messages) {
            JsonNode message = JSON.mapper().readTree(text);
            List<Card> cards = new ArrayList<>();
            collectCards(message, cards);
            if (!message.path("type").asString().equals("view")) {
                assertThat(cards).as("cards in a message that is not a view: %s", text).isEmpty();
                continue;
            }
            long version = message.path("version").asLong();
            viewVersions.add(version);
            CardState state = (CardState) server.engine.stateAt("match-h", version).value();
            Set<Card> visible = new HashSet<>(state.discard());
            visible.addAll(state.cardsOf(player));
            assertThat(visible).as("cards %s may see at version %d; message: %s", player.isEmpty() ? "a spectator" : player, version, text)
                    .containsAll(cards);
            assertThat(cards).as("the view at version %d shows all of the seat's own hand", version).containsAll(state.cardsOf(player));
        }
        assertThat(viewVersions).as("one view per version, in order").isSorted().doesNotHaveDuplicates().endsWith(finalVersion);
        assertThat(viewVersions.size()).isGreaterThan(10);
    }

    private static void collectCards(JsonNode node, List<Card> cards) {
        if (node.isObject() && node.has("suit") && node.has("rank")) {
            cards.add(JSON.read(node, Card.class));
            return;
        }
        for (JsonNode child : node) {
            collectCards(child, cards);
        }
    }
}
