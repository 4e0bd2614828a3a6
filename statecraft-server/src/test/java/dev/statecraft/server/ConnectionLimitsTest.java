package dev.statecraft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
