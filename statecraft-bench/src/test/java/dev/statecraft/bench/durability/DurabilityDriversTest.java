package dev.statecraft.bench.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;

import dev.statecraft.engine.Recovery;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every durability driver at a tiny scale, on real SQLite files: the figures mean nothing, the drivers work. */
class DurabilityDriversTest {
    private static final Duration SHORT = Duration.ofMillis(200);
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @TempDir
    Path data;

    @Test
    void raw_fsync_counts_synced_writes_in_the_data_folder_and_leaves_no_file_behind() throws Exception {
        FsyncRate rate = RawFsync.measure(data, SHORT);

        assertThat(rate.syncs()).isPositive();
        assertThat(rate.perSecond()).isPositive();
        assertThat(rate.p99Nanos()).isGreaterThanOrEqualTo(rate.p50Nanos()).isPositive();
        try (var files = Files.list(data)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void one_durable_game_is_acknowledged_command_by_command_and_compared_with_the_raw_fsync_rate() {
        DurableReport report = durableLoad(new DurableLoad.Settings(1, 4, SHORT, ONE_SECOND, SHORT, 1, 4_096, 4_000, 0, 0, CommandIds.SEQUENTIAL));

        assertThat(report.load().events()).isPositive().isEqualTo(report.load().commands());
        assertThat(report.load().writer().commits()).isPositive();
        assertThat(report.ratioToFsync()).isPositive();
        assertThat(printed(report::print)).contains("| 1 | 1 platform |", "events/s >= 0.7 x raw fsync/s");
    }

    @Test
    void rounds_alternate_a_raw_fsync_probe_with_a_measured_window_and_are_reported_one_by_one_and_together() {
        DurableReport report = durableLoad(new DurableLoad.Settings(1, 4, SHORT, SHORT, SHORT, 3, 4_096, 4_000, 0, 0, CommandIds.SEQUENTIAL));

        assertThat(report.probes()).hasSize(3);
        assertThat(report.windows()).hasSize(3);
        assertThat(report.load().events()).isEqualTo(report.windows().stream().mapToLong(MeasuredWindow.Result::events).sum());
        assertThat(report.fsync().syncs()).isEqualTo(report.probes().stream().mapToLong(FsyncRate::syncs).sum());
        assertThat(report.load().writer().commits()).isEqualTo(report.windows().stream().mapToLong(w -> w.writer().commits()).sum());
        assertThat(printed(report::print)).contains("in 3 rounds of", "| round | raw fsync/s |", "| 3 | ");
    }

    @Test
    void many_durable_games_are_driven_by_a_virtual_thread_each_and_share_commits() {
        DurableReport report = durableLoad(new DurableLoad.Settings(10, 4, SHORT, ONE_SECOND, SHORT, 1, 4_096, 4_000, 0, 0, CommandIds.SEQUENTIAL));

        assertThat(report.load().events()).isPositive();
        assertThat(report.load().writer().meanWrites()).isGreaterThanOrEqualTo(1);
        assertThat(report.goalMet()).isFalse();
        assertThat(printed(report::print)).contains("| 10 | 10 virtual |", "No paced window", ">= 100,000 events/s at p99 <= 5 ms (set for 1,000 games)",
                "command ids sequential per zone");
    }

    @Test
    void paced_windows_send_at_their_rate_and_count_the_commands_they_could_not_send_in_time() {
        DurableReport report = durableLoad(new DurableLoad.Settings(10, 4, SHORT, ONE_SECOND, SHORT, 1, 4_096, 4_000, 200, 0.5, CommandIds.RANDOM));

        assertThat(report.paced()).extracting(DurableReport.Paced::label).containsExactly("at `--rate`", "at 50 % of the peak");
        DurableReport.Paced atRate = report.paced().getFirst();
        assertThat(atRate.targetEventsPerSecond()).isEqualTo(200);
        assertThat(atRate.result().eventsPerSecond()).isBetween(100.0, 260.0);
        DurableReport.Paced half = report.paced().get(1);
        assertThat(half.targetEventsPerSecond()).isCloseTo(report.load().eventsPerSecond() / 2, withPercentage(0.01));
        assertThat(half.result().eventsPerSecond()).isLessThan(report.load().eventsPerSecond());
        assertThat(report.goalMet()).as("paced below 100,000 events/s cannot meet (d)").isFalse();
        assertThat(printed(report::print)).contains("| 10 | at `--rate` | 200 |", "| 10 | at 50 % of the peak |", "late sends",
                "10, paced at `--rate`", "command ids random version 4 UUIDs");
        assertEveryTableRowFitsItsHeader(printed(report::print));
    }

    /** Each row of each Markdown table has as many cells as the table's header. */
    private static void assertEveryTableRowFitsItsHeader(String markdown) {
        int headerCells = -1;
        int tables = 0;
        for (String line : markdown.lines().toList()) {
            if (!line.startsWith("|")) {
                headerCells = -1;
                continue;
            }
            int cells = (int) line.chars().filter(c -> c == '|').count() - 1;
            if (headerCells < 0) {
                headerCells = cells;
                tables++;
            } else {
                assertThat(cells).as("cells of %s", line).isEqualTo(headerCells);
            }
        }
        assertThat(tables).as("tables printed").isPositive();
    }

    @Test
    void command_ids_are_sequential_or_random_and_anything_else_is_refused_by_name() {
        assertThat(UUID.fromString(CommandIds.parse("random").id(1)).version()).isEqualTo(4);
        assertThat(CommandIds.RANDOM.id(1)).isNotEqualTo(CommandIds.RANDOM.id(1));
        assertThat(CommandIds.parse("sequential").id(7)).isEqualTo("c-7");
        assertThatThrownBy(() -> CommandIds.parse("uuid7")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequential or random");
    }

    @Test
    void a_paced_window_needs_more_than_one_game() {
        assertThatThrownBy(() -> new DurableLoad.Settings(1, 4, SHORT, ONE_SECOND, SHORT, 1, 4_096, 4_000, 100, 0, CommandIds.SEQUENTIAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one game");
    }

    @Test
    void buffered_zones_are_flushed_and_the_flush_lag_comes_from_the_engine_timer() {
        BufferedReport report;
        try (ScratchFolder folder = ScratchFolder.create(data, "buffered", false)) {
            report = BufferedLoad.run(new BufferedLoad.Settings(10, 2, 4, SHORT, ONE_SECOND), folder);
        }

        assertThat(report.load().commands()).isPositive();
        assertThat(report.lag().flushes()).isPositive();
        assertThat(report.lag().p99Nanos()).isGreaterThanOrEqualTo(report.lag().p50Nanos()).isPositive();
        assertThat(printed(report::print)).contains("| 10 | 2 platform |");
        assertEveryTableRowFitsItsHeader(printed(report::print));
    }

    @Test
    void a_long_zone_is_recovered_from_its_events_and_from_its_snapshot_to_the_same_state() {
        RecoveryReport report;
        try (ScratchFolder folder = ScratchFolder.create(data, "recovery", false)) {
            report = RecoveryTime.run(new RecoveryTime.Settings(10_000, 1, 4), folder);
        }

        assertThat(report.built().lastVersion()).isEqualTo(10_000);
        assertThat(report.sameState()).isTrue();
        assertThat(report.loads().get(Recovery.FROM_EVENTS).getFirst().source()).isEqualTo("events");
        assertThat(report.loads().get(Recovery.LATEST).getFirst().source()).isEqualTo("snapshot");
        assertThat(report.storeBytes()).isPositive();
        assertThat(printed(report::print)).contains("`FROM_EVENTS` (no snapshots)", "median <= 3,000 ms");
    }

    @Test
    void a_driver_refuses_an_option_it_does_not_know_and_names_the_ones_it_does() {
        assertThatThrownBy(() -> DriverArgs.parse(new String[] {"--game", "10"}, Set.of("--games", "--seconds")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option '--game'")
                .hasMessageContaining("--games, --keep, --seconds");
    }

    @Test
    void the_scratch_folder_is_deleted_when_closed() {
        Path made;
        try (ScratchFolder folder = ScratchFolder.create(data, "scratch", false)) {
            made = folder.path();
            assertThat(made).isDirectory();
        }
        assertThat(made).doesNotExist();
    }

    /** Runs {@link DurableLoad} in a scratch folder of {@link #data}, which it leaves empty. */
    private DurableReport durableLoad(DurableLoad.Settings settings) {
        try (ScratchFolder folder = ScratchFolder.create(data, "durable", false)) {
            return DurableLoad.run(settings, folder);
        }
    }

    private static String printed(Consumer<PrintStream> print) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        print.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
