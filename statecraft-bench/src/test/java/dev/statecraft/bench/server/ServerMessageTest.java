package dev.statecraft.bench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.bench.server.ServerMessage.CardFace;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerMessageTest {

    @Test
    void a_view_gives_the_bot_its_hand_the_discard_top_and_the_turn_and_every_other_field_is_skipped() {
        ServerMessage message = ServerMessage.parse("{\"type\":\"view\",\"gameId\":\"m1\",\"seat\":\"ann\",\"version\":12,\"phase\":\"PLAYING\","
                + "\"view\":{\"phase\":\"PLAYING\",\"you\":\"ann\",\"yourHand\":[{\"suit\":\"HEARTS\",\"rank\":7},{\"suit\":\"CLUBS\",\"rank\":2}],"
                + "\"seats\":[{\"player\":\"ann\",\"handCount\":2},{\"player\":\"bob\",\"handCount\":5}],\"deckCount\":21,"
                + "\"discard\":[{\"suit\":\"SPADES\",\"rank\":1},{\"suit\":\"CLUBS\",\"rank\":9}],\"turn\":\"ann\",\"outcome\":{\"winner\":null}}}");

        assertThat(message.type()).isEqualTo("view");
        assertThat(message.gameId()).isEqualTo("m1");
        assertThat(message.version()).isEqualTo(12);
        assertThat(message.view().yourHand()).containsExactly(new CardFace("HEARTS", 7), new CardFace("CLUBS", 2));
        assertThat(message.view().top()).isEqualTo(new CardFace("CLUBS", 9));
        assertThat(message.view().deckCount()).isEqualTo(21);
        assertThat(message.view().turn()).isEqualTo("ann");
        assertThat(message.view().phase()).isEqualTo("PLAYING");
        assertThat(message.view().yourHand().getFirst().matches(message.view().top())).isFalse();
        assertThat(message.view().yourHand().get(1).matches(message.view().top())).isTrue();
    }

    @Test
    void replies_give_their_type_code_and_reason_and_what_does_not_have_the_protocols_shape_is_unreadable() {
        assertThat(ServerMessage.parse("{\"type\":\"rejected\",\"ref\":\"4\",\"gameId\":\"m1\",\"version\":3,\"code\":\"not-your-turn\",\"message\":\"x\"}"))
                .isEqualTo(new ServerMessage("rejected", "m1", 3, "not-your-turn", "", null));
        assertThat(ServerMessage.parse("{\"type\":\"ended\",\"gameId\":\"m1\",\"reason\":\"archived\",\"lastVersion\":30}").reason()).isEqualTo("archived");
        for (String unreadable : List.of("[1, 2]", "{\"type\":\"view\",\"view\":[]}", "{\"type\":\"view\",\"version\":3}", "{\"type\":",
                "{\"type\":\"view\",\"view\":{\"yourHand\":[{\"suit\":\"HEARTS\",\"rank\":7},null]}}", "{\"version\":\"x\"}")) {
            assertThatThrownBy(() -> ServerMessage.parse(unreadable)).as(unreadable).isInstanceOf(ServerMessage.UnreadableException.class);
        }
    }
}
