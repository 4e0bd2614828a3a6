package dev.statecraft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GameImportTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final GameRecord GAME = new GameRecord("g-1", "cards", Map.of(), T0);

    @Test
    void a_history_of_appends_that_follow_one_another_from_version_zero_is_accepted() {
        GameImport game = new GameImport(GAME, List.of(append("g-1", 0, "c-1", 2), append("g-1", 2, "c-2", 1)));

        assertThat(game.gameId()).isEqualTo("g-1");
        assertThat(game.history()).hasSize(2);
        assertThat(new GameImport(GAME, List.of()).history()).as("a game without events").isEmpty();
    }

    @Test
    void a_history_with_a_gap_an_overlap_a_repeated_command_id_or_another_games_append_is_refused_naming_it() {
        assertThatThrownBy(() -> new GameImport(GAME, List.of(append("g-1", 1, "c-1", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("game g-1: command c-1 follows version 1, but the history before it ends at version 0");
        assertThatThrownBy(() -> new GameImport(GAME, List.of(append("g-1", 0, "c-1", 2), append("g-1", 1, "c-2", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("command c-2 follows version 1").hasMessageContaining("ends at version 2");
        assertThatThrownBy(() -> new GameImport(GAME, List.of(append("g-1", 0, "c-1", 1), append("g-1", 1, "c-1", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("game g-1: command id c-1 appears twice in its history");
        assertThatThrownBy(() -> new GameImport(GAME, List.of(append("g-2", 0, "c-1", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("game g-1: its history holds an append for game g-2");
    }

    private static AppendRequest append(String gameId, long expectedVersion, String commandId, int events) {
        List<NewEvent> list = IntStream.range(0, events).mapToObj(i -> new NewEvent("Tick", 1, "{}".getBytes(StandardCharsets.UTF_8))).toList();
        return new AppendRequest(gameId, expectedVersion, commandId, T0, list);
    }
}
