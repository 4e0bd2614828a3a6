package dev.statecraft.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.codec.CodecException;
import dev.statecraft.codec.JsonCodec;
import dev.statecraft.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

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

    /** The line as Jackson writes a record of the line's fields, the payload spliced in place of its null. */
    private record JacksonLine(long version, String type, int schemaVersion, Instant recordedAt, String commandId, JsonNode payload) {
    }

    private static String jacksonWritten(ReplayBundle bundle) {
        StringBuilder text = new StringBuilder(new String(JsonCodec.json().write(bundle.header()), StandardCharsets.UTF_8)).append('\n');
        for (StoredEvent e : bundle.events()) {
            String line = JsonCodec.json().writeString(new JacksonLine(e.version(), e.type(), e.schemaVersion(), e.recordedAt(), e.commandId(),
                    NullNode.getInstance()));
            text.append(line, 0, line.length() - "null}".length()).append(new String(e.payload(), StandardCharsets.UTF_8)).append("}\n");
        }
        return text.toString();
    }

    @Test
    void event_lines_are_written_exactly_as_jackson_writes_them() {
        List<StoredEvent> events = List.of(
                new StoredEvent("g-1", 1, "Joined", 1, "{\"p\":1}".getBytes(StandardCharsets.UTF_8), T0, "c-1"),
                new StoredEvent("g-1", 2, "Moved", 7, "[]".getBytes(StandardCharsets.UTF_8), Instant.parse("2026-02-01T00:00:00Z"),
                        "id \"quoted\" \\ back/slash \u0001 \u00e9 \u2028 \ud83d\ude00 \"payload\":"),
                new StoredEvent("g-1", 12_345_678_901L, "Ty\"pe", 2, "{}".getBytes(StandardCharsets.UTF_8),
                        Instant.parse("+12026-02-01T00:00:00.123456789Z"), ""));
        ReplayBundle bundle = ReplayBundle.of("g-1", "cards", Map.of("handSize", "5"), T0, events);

        String written = new String(Compression.decompress(bundle.toBytes()), StandardCharsets.UTF_8);

        assertThat(written).isEqualTo(jacksonWritten(bundle));
        assertThat(ReplayBundle.fromBytes(bundle.toBytes()).events()).isEqualTo(events);
    }

    @Test
    void bytes_that_are_not_a_bundle_are_refused_clearly() {
        assertThatThrownBy(() -> ReplayBundle.fromBytes("not zstd".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CodecException.class).hasMessageContaining("not a replay bundle");
    }
}
