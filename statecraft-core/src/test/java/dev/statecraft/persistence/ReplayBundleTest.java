package dev.statecraft.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.codec.CodecException;
import dev.statecraft.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayBundleTest {
    private static final Instant T0 = Instant.parse("2026-02-01T00:00:00.000001Z");

    private static StoredEvent event(long version, String type, String json, String commandId) {
        return new StoredEvent("g-1", version, type, 1, json.getBytes(StandardCharsets.UTF_8), T0.plusSeconds(version), commandId);
    }

    @Test
    void a_bundle_round_trips_every_event_with_its_payload_bytes_unchanged() {
        List<StoredEvent> events = List.of(
                event(1, "Joined", "{\"player\":\"ann\",\"note\":\"quote \\\" and unicode \\u00e9\"}", "c-1"),
                event(2, "Moved", "{\"x\":1,\"y\":[1,2,{\"z\":null}]}", "c-\"2\""),
                event(3, "Ended", "{}", "c-3"));
        ReplayBundle bundle = ReplayBundle.of("g-1", "cards", Map.of("handSize", "5"), T0, events);

        ReplayBundle read = ReplayBundle.fromBytes(bundle.toBytes());

        assertThat(read.header()).isEqualTo(bundle.header());
        assertThat(read.events()).isEqualTo(events);
    }

    @Test
    void bytes_that_are_not_a_bundle_are_refused_clearly() {
        assertThatThrownBy(() -> ReplayBundle.fromBytes("not zstd".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CodecException.class).hasMessageContaining("not a replay bundle");
    }
}
