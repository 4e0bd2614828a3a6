package dev.statecraft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading: the kernel's socket buffers (megabytes on loopback) fill first, then
 * Jetty holds the frames and their callbacks stay pending. This test stands in a session whose writes
 * never complete, to show what {@link Connection} does then without writing megabytes.
 */
class SlowClientTest {
    private static final byte[] VIEW = "{\"type\":\"view\"}".getBytes(StandardCharsets.UTF_8);

    private final List<Runnable> pendingWrites = new ArrayList<>();
    private final List<Integer> closeCodes = new ArrayList<>();
    private final TextSocket stalled = new TextSocket() {
        @Override
        public void sendText(byte[] utf8, Runnable done) {
            pendingWrites.add(done);
        }

        @Override
        public void close(int code, String reason) {
            closeCodes.add(code);
        }
    };

    private final Connection connection = new Connection(stalled,
            new Principal("carol", Principal.Role.PLAYER, Instant.MAX), ServerOptions.defaults().withMaxQueuedSends(16));

    @Test
    void a_client_whose_writes_never_complete_is_closed_with_1008_once_its_queue_is_full_and_nothing_more_is_queued() {
        for (int i = 0; i < 100; i++) {
            connection.send(VIEW);
        }

        assertThat(pendingWrites).hasSize(16);
        assertThat(closeCodes).containsExactly(Connection.POLICY_VIOLATION);
    }

    @Test
    void a_client_that_reads_as_fast_as_it_is_written_to_is_never_closed() {
        for (int i = 0; i < 100; i++) {
            connection.send(VIEW);
            pendingWrites.removeFirst().run();
        }

        assertThat(closeCodes).isEmpty();
    }
}
