package dev.statecraft.bench.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server load driver at a tiny scale, against a real {@link LoadServer} child JVM on loopback: the figures
 * mean nothing, but the simulated players must play whole matches through the protocol without one error.
 */
class ServerLoadTest {

    @Test
    void twenty_players_play_card_matches_at_peak_then_paced_and_every_connection_is_held_to_the_end(@TempDir Path data) throws Exception {
        LoadReport report = ServerLoad.run(new String[] {"--connections", "20", "--warmup", "0.5", "--seconds", "1.5",
                "--server-heap", "256m", "--data", data.toString()});

        ServerLoad.Round round = report.rounds().getFirst();
        assertThat(round.errorsByCode()).as("errors: %s", round.errorSamples()).isEmpty();
        assertThat(round.seatedPairs()).isEqualTo(10);
        assertThat(round.peak().commands()).isPositive();
        assertThat(round.paced().commands()).isPositive();
        assertThat(round.peak().latency().getTotalCount()).isPositive();
        assertThat(round.peak().serverAllocatedPerCommand()).isPositive();
        assertThat(round.peak().driverAllocatedPerCommand()).isPositive();
        assertThat(round.clientOpenAtEnd()).isEqualTo(20);
        assertThat(round.serverConnectionsAtEnd()).isEqualTo(20);
        assertThat(round.unexpectedCloses()).isZero();
        assertThat(round.pairsNotIdleAfterStop()).isZero();
        assertThat(round.finalViewsLost()).isZero();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("| 20 | peak |", "| 20 | paced |", "p99 <= 10 ms at half of peak, 20 connections");
    }
}
