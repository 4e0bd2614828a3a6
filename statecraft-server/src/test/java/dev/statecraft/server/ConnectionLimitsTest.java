package dev.statecraft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ConnectionLimitsTest {

    @Test
    void a_connection_silent_past_the_idle_timeout_is_closed_while_a_talking_one_stays(@TempDir Path folder) {
        try (TestServer server = new TestServer(folder, ServerOptions.defaults().withIdleTimeout(Duration.ofMillis(1_500)));
             WsClient silent = server.connect("ann");
             WsClient talking = server.connect("bob")) {
            // bob speaks every 300 ms, well within both the idle timeout and the message rate
            await().pollInterval(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10)).until(() -> {
                talking.request(Map.of("type", "leave", "gameId", "none"));
                return silent.isClosed();
            });

            assertThat(silent.awaitClose()).isEqualTo(1001);
            assertThat(talking.isClosed()).isFalse();
            assertThat(talking.request(Map.of("type", "leave", "gameId", "none")).path("code").asString()).isEqualTo("not-joined");
        }
    }

    @Test
    void a_message_as_large_as_the_frame_limit_arrives_whole_in_many_reads(@TempDir Path folder) {
        try (TestServer server = new TestServer(folder);
             WsClient ann = server.connect("ann")) {
            // The ref comes last, so a reply that echoes it was parsed from the whole message, not from its first read.
            String head = "{\"type\": \"leave\", \"gameId\": \"none\", \"pad\": \"";
            String tail = "\", \"ref\": \"after-the-pad\"}";
            ann.sendText(head + "x".repeat(ServerOptions.defaults().maxFrameBytes() - head.length() - tail.length()) + tail);

            JsonNode reply = ann.awaitMatching(m -> m.path("ref").asString("").equals("after-the-pad"), "the reply to the long message");
            assertThat(reply.path("code").asString()).isEqualTo("not-joined");
        }
    }

    @Test
    void past_the_maximum_of_connections_a_handshake_is_refused_with_503_and_the_open_ones_keep_working(@TempDir Path folder) {
        try (TestServer server = new TestServer(folder, ServerOptions.defaults().withMaxConnections(2));
             WsClient ann = server.connect("ann");
             WsClient bob = server.connect("bob")) {
            int status = WsClient.refusedHandshake(server.http, server.ws(server.token("carol")), Map.of());

            assertThat(status).isEqualTo(503);
            assertThat(ann.request(Map.of("type", "create", "gameType", "cards", "gameId", "match-c")).path("type").asString()).isEqualTo("created");
            bob.close();
            await().until(() -> {
                try (WsClient carol = server.connect("carol")) {
                    return true;
                } catch (RuntimeException | AssertionError refused) {
                    return false;
                }
            });
        }
    }

    @Test
    void a_message_dropped_for_the_rate_is_answered_with_its_own_ref_so_the_client_knows_which_to_send_again(@TempDir Path folder) {
        int burst = 3;
        try (TestServer server = new TestServer(folder, ServerOptions.defaults().withMessageRate(1, burst));
             WsClient ann = server.connect("ann")) {
            for (int i = 1; i <= burst + 1; i++) {
                ann.sendText("{\"type\": \"leave\", \"gameId\": \"none\", \"payload\": {\"ref\": \"inner\"}, \"ref\": \"m-" + i + "\"}");
            }

            for (int i = 1; i <= burst; i++) {
                assertThat(replyTo(ann, "m-" + i).path("code").asString()).as("reply to m-%d", i).isEqualTo("not-joined");
            }
            assertThat(replyTo(ann, "m-" + (burst + 1)).path("code").asString()).isEqualTo("rate-limited");
        }
    }

    private static JsonNode replyTo(WsClient client, String ref) {
        return client.awaitMatching(m -> ref.equals(m.path("ref").asString("")), "the reply to " + ref);
    }

    @Test
    void the_ref_of_a_dropped_message_is_read_only_at_the_top_level_and_only_when_usable() {
        assertThat(FrameParser.refOf("{\"payload\": {\"ref\": \"inner\"}, \"ref\": \"outer\"}")).isEqualTo("outer");
        assertThat(FrameParser.refOf("{\"payload\": {\"ref\": \"inner\"}}")).isEmpty();
        assertThat(FrameParser.refOf("{\"ref\": 7}")).isEmpty();
        assertThat(FrameParser.refOf("{\"ref\": \"" + "x".repeat(FrameParser.MAX_REF_LENGTH + 1) + "\"}")).isEmpty();
        assertThat(FrameParser.refOf("[\"ref\", \"a\"]")).isEmpty();
        assertThat(FrameParser.refOf("{\"ref\": \"cut")).isEmpty();
        assertThat(FrameParser.refOf("not json")).isEmpty();
    }
}
