package dev.statecraft.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.store.Snapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {
    record Board(String name, List<Integer> cells, Map<String, Integer> scores) {
    }

    private static final Instant AT = Instant.parse("2026-02-01T00:00:00Z");
    private final Board board = new Board("b", List.of(1, 2, 3), Map.of("ann", 4));

    @Test
    void a_snapshot_round_trips_compressed_and_checked() {
        Snapshot snapshot = SnapshotCodec.encode("g-1", 7, 2, board, AT);

        assertThat(snapshot.schemaVersion()).isEqualTo(2);
        assertThat(SnapshotCodec.decode(snapshot, Board.class, 2)).isEqualTo(board);
    }

    @Test
    void every_single_flipped_byte_is_detected() {
        Snapshot good = SnapshotCodec.encode("g-1", 7, 1, board, AT);
        for (int i = 0; i < good.payload().length; i++) {
            byte[] damaged = good.payload().clone();
            damaged[i] ^= 0x01;
            Snapshot bad = new Snapshot("g-1", 7, 1, damaged, AT);
            int position = i;
            assertThatThrownBy(() -> SnapshotCodec.decode(bad, Board.class, 1)).as("byte %d flipped", position)
                    .isInstanceOf(DamagedSnapshotException.class).hasMessageContaining("game g-1 at version 7");
        }
    }

    @Test
    void a_snapshot_of_another_schema_version_is_refused_naming_both_versions() {
        Snapshot old = SnapshotCodec.encode("g-1", 7, 1, board, AT);

        assertThatThrownBy(() -> SnapshotCodec.decode(old, Board.class, 2))
                .isInstanceOf(DamagedSnapshotException.class)
                .hasMessageContaining("schema version 1 but the game type reads version 2");
    }

    @Test
    void a_truncated_snapshot_is_refused() {
        Snapshot good = SnapshotCodec.encode("g-1", 7, 1, board, AT);
        Snapshot cut = new Snapshot("g-1", 7, 1, java.util.Arrays.copyOf(good.payload(), 10), AT);

        assertThatThrownBy(() -> SnapshotCodec.decode(cut, Board.class, 1)).isInstanceOf(DamagedSnapshotException.class);
    }
}
