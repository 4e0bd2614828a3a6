package dev.statecraft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.engine.CommandRequest;
import dev.statecraft.rules.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ids a store keeps are well-formed Unicode, so that no two of them are stored as the same bytes. */
class WellFormedTest {
    @Test
    void ids_with_an_unpaired_surrogate_are_refused_naming_it_and_well_formed_ones_pass() {
        for (String bad : new String[] {"x\uD800", "\uDC00x", "a\uD800b", "\uD800\uD800\uDC00", "\uDBFF"}) {
            assertThatThrownBy(() -> WellFormed.requireWellFormed(bad, "commandId")).as(bad.codePoints().boxed().toList().toString())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("commandId must be well-formed Unicode");
        }
        for (String good : new String[] {"x?", "c-1", "☃ 北 ид", "move \uD83D\uDE00", "\uD83D\uDE00\uD83D\uDE00"}) {
            assertThat(WellFormed.requireWellFormed(good, "commandId")).isEqualTo(good);
        }
    }

    @Test
    void a_command_an_append_a_game_a_snapshot_and_an_archive_with_such_an_id_are_refused_before_they_reach_a_store() {
        assertThatThrownBy(() -> CommandRequest.of("x\uD800", Actor.host(), "any")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commandId must be well-formed Unicode").hasMessageContaining("(U+D800) at index 1");
        List<NewEvent> events = List.of(new NewEvent("Tick", 1, new byte[0]));
        assertThatThrownBy(() -> new AppendRequest("g", 0, "x\uDC00", Instant.EPOCH, events)).hasMessageContaining("commandId must be well-formed");
        assertThatThrownBy(() -> new AppendRequest("g\uD800", 0, "c", Instant.EPOCH, events)).hasMessageContaining("gameId must be well-formed");
        assertThatThrownBy(() -> new GameRecord("g\uD800", "t", Map.of(), Instant.EPOCH)).hasMessageContaining("gameId must be well-formed");
        assertThatThrownBy(() -> new Snapshot("g\uDC00", 1, 1, new byte[0], Instant.EPOCH)).hasMessageContaining("gameId must be well-formed");
        assertThatThrownBy(() -> new ArchivedGame("g\uD800", "t", Map.of(), Instant.EPOCH, Instant.EPOCH, "over", 1, 1, 1, new byte[0], new byte[0]))
                .hasMessageContaining("gameId must be well-formed");
    }
}
