package dev.statecraft.cli;

import static dev.statecraft.cli.PlayedDataFolder.MATCH;
import static dev.statecraft.cli.PlayedDataFolder.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.cli.PlayedDataFolder.Run;
import dev.statecraft.codec.JsonCodec;
import dev.statecraft.engine.RecordedEvent;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandsTest {

    @TempDir
    Path folder;

    PlayedDataFolder data;

    @BeforeEach
    void play_a_card_match_and_a_world_zone() {
        data = PlayedDataFolder.play(folder);
    }

    @Test
    void games_lists_the_active_zone_and_with_archived_the_finished_match() {
        Run run = data.run("games", "--archived");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern(ZONE + "\\s+world\\s+" + data.zoneEvents().size() + "\\s+")
                .containsPattern(MATCH + "\\s+cards\\s+\\d+\\s+\\S+\\s+\\S+ wins")
                .contains("1 active game").contains("1 archived game");
    }

    @Test
    void games_without_archived_lists_only_the_active_games() {
        Run run = data.run("games");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(ZONE).doesNotContain(MATCH);
    }

    @Test
    void inspect_prints_the_state_at_a_version_as_json() {
        Run run = data.run("inspect", ZONE, "--version", "3");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("game " + ZONE + " (world) version 3, phase ").contains("\"players\"");
    }

    @Test
    void inspect_at_an_instant_applies_every_event_recorded_until_then() {
        RecordedEvent middle = data.zoneEvents().get(data.zoneEvents().size() / 2);
        Instant at = middle.recordedAt();
        long expected = data.zoneEvents().stream().filter(e -> !e.recordedAt().isAfter(at)).mapToLong(RecordedEvent::version).max().orElseThrow();

        Run run = data.run("inspect", ZONE, "--at", at.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("game " + ZONE + " (world) version " + expected + ", phase ");
    }

    @Test
    void inspect_reads_an_archived_game_and_shows_a_seat_only_its_view() {
        Run state = data.run("inspect", MATCH);
        Run view = data.run("inspect", MATCH, "--seat", "ann");

        assertThat(state.exitCode()).isZero();
        assertThat(state.out()).startsWith("game " + MATCH + " (cards) version ");
        assertThat(view.exitCode()).isZero();
        assertThat(view.out()).contains("view of player ann").isNotEqualTo(state.out());
    }

    @Test
    void inspect_refuses_an_instant_that_is_not_iso_8601() {
        Run run = data.run("inspect", ZONE, "--at", "yesterday");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'yesterday' is not an ISO-8601 instant").doesNotContain("Exception");
    }

    @Test
    void events_prints_one_line_per_event_in_the_range() {
        Run run = data.run("events", ZONE, "--from", "2", "--to", "4");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(3);
        RecordedEvent second = data.zoneEvents().get(1);
        assertThat(run.out().lines().findFirst().orElseThrow()).isEqualTo("2\t" + second.recordedAt() + "\t" + second.commandId() + "\t"
                + second.event().getClass().getSimpleName() + "\t" + JsonCodec.json().writeString(second.event()));
    }

    @Test
    void an_unknown_game_is_a_one_line_error_with_a_non_zero_exit_code() {
        Run run = data.run("inspect", "no-such-game");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly("statecraft inspect: game no-such-game: no such game");
    }

    @Test
    void a_missing_data_folder_is_a_clear_error() {
        Run run = Run.of("games", "--data", folder.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).contains("data folder " + folder.resolve("nowhere") + " does not exist");
    }

    @Test
    void verbose_prints_the_stack_trace_of_an_error() {
        Run run = data.run("events", "no-such-game", "--verbose");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).contains("GameNotFoundException").contains("\tat ");
    }
}
