package dev.statecraft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.SubscriptionEnd;
import dev.statecraft.engine.Versioned;
import dev.statecraft.rules.Phase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact text of each message the server sends: its fields in the order docs/PROTOCOL.md shows, absent ones left out. */
class RepliesTest {
    private enum TestPhase implements Phase { PLAYING }

    private record Hand(List<String> cards, int deckSize) {
    }

    private static final Versioned<Object> VIEW = new Versioned<>("match-7", 3, TestPhase.PLAYING, new Hand(List.of("7 of hearts"), 30));

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Test
    void a_view_carries_its_game_seat_version_and_phase_then_the_seats_view() {
        assertThat(text(Replies.view("ann", VIEW))).isEqualTo(
                "{\"type\":\"view\",\"gameId\":\"match-7\",\"seat\":\"ann\",\"version\":3,\"phase\":\"PLAYING\","
                        + "\"view\":{\"cards\":[\"7 of hearts\"],\"deckSize\":30}}");
    }

    @Test
    void command_results_echo_the_ref_and_leave_it_out_when_the_client_sent_none() {
        assertThat(text(Replies.result("4", new CommandResult.Accepted("match-7", "ann-2", 13, 1)))).isEqualTo(
                "{\"type\":\"accepted\",\"ref\":\"4\",\"gameId\":\"match-7\",\"commandId\":\"ann-2\",\"version\":13,\"events\":1}");
        assertThat(text(Replies.result("", new CommandResult.Rejected("match-7", "ann-2", 12, "not-your-turn", "it is bob's turn")))).isEqualTo(
                "{\"type\":\"rejected\",\"gameId\":\"match-7\",\"commandId\":\"ann-2\",\"version\":12,\"code\":\"not-your-turn\","
                        + "\"message\":\"it is bob's turn\"}");
    }

    @Test
    void every_other_message_has_the_fields_the_protocol_names() {
        Principal ann = new Principal("ann", Principal.Role.PLAYER, Instant.EPOCH);
        ServerOptions options = ServerOptions.defaults();
        assertThat(text(Replies.welcome(ann, options))).isEqualTo("{\"type\":\"welcome\",\"player\":\"ann\",\"role\":\"player\",\"maxFrameBytes\":"
                + options.maxFrameBytes() + ",\"messagesPerSecond\":" + options.messagesPerSecond() + "}");
        assertThat(text(Replies.created("1", VIEW))).isEqualTo("{\"type\":\"created\",\"ref\":\"1\",\"gameId\":\"match-7\",\"version\":3,\"phase\":\"PLAYING\"}");
        assertThat(text(Replies.joined("2", "match-7", "ann", -1))).isEqualTo("{\"type\":\"joined\",\"ref\":\"2\",\"gameId\":\"match-7\",\"seat\":\"ann\"}");
        assertThat(text(Replies.joined("2", "match-7", "ann", 0))).isEqualTo("{\"type\":\"joined\",\"ref\":\"2\",\"gameId\":\"match-7\",\"seat\":\"ann\",\"since\":0}");
        assertThat(text(Replies.left("3", "match-7"))).isEqualTo("{\"type\":\"left\",\"ref\":\"3\",\"gameId\":\"match-7\"}");
        assertThat(text(Replies.ended("match-7", SubscriptionEnd.ENGINE_CLOSED, 12)))
                .isEqualTo("{\"type\":\"ended\",\"gameId\":\"match-7\",\"reason\":\"engine-closed\",\"lastVersion\":12}");
        assertThat(text(Replies.error("", ClientError.of(ClientError.UNKNOWN_GAME, "no active game x"))))
                .isEqualTo("{\"type\":\"error\",\"code\":\"" + ClientError.UNKNOWN_GAME + "\",\"message\":\"no active game x\"}");
    }
}
