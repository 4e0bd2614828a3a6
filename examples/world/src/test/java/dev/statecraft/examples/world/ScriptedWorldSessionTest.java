package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.rules.ReasonCode;
import dev.statecraft.store.memory.InMemoryStore;
import dev.statecraft.testkit.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptedWorldSessionTest {

    @Test
    void the_scripted_session_plays_every_step_and_refuses_only_the_move_that_is_too_far() {
        Transcript run = play(7);

        assertThat(run.results()).hasSize(19);
        assertThat(run.results()).filteredOn(r -> !r.isAccepted())
                .singleElement()
                .satisfies(r -> assertThat(((CommandResult.Rejected) r).code()).isEqualTo(ReasonCode.INVALID_MOVE));
        assertThat(run.text()).contains("trade t-13 completed", "bob picked up g-11-0", "bob died and respawned", "despawned [g-15-0]");
        assertThat(run.text().lines()).hasSizeGreaterThan(19);
    }

    @Test
    void the_scripted_session_prints_the_same_transcript_with_the_same_seed_and_clock() {
        assertThat(play(7).text()).isEqualTo(play(7).text());
    }

    @Test
    void without_time_passing_nothing_despawns() {
        try (Engine engine = Engine.builder().store(InMemoryStore.create()).register(World.TYPE).seed(1).build()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();

            List<CommandResult> results = ScriptedWorldSession.play(engine, "demo", new PrintStream(bytes, true, StandardCharsets.UTF_8));

            assertThat(results).hasSize(19);
            assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("despawned [").contains("nothing to do");
            assertThat(engine.state("demo", ZoneState.class).value().regions().values())
                    .flatExtracting(r -> r.groundItems().values()).hasSize(1);
        }
    }

    private record Transcript(List<CommandResult> results, String text) {
    }

    private static Transcript play(long seed) {
        ManualClock clock = ManualClock.startingAt("2030-01-01T12:00:00Z");
        try (Engine engine = Engine.builder().store(InMemoryStore.create()).register(World.TYPE).seed(seed).clock(clock).build()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            List<CommandResult> results = ScriptedWorldSession.play(engine, "demo", new PrintStream(bytes, true, StandardCharsets.UTF_8), clock::advance);
            String text = bytes.toString(StandardCharsets.UTF_8);
            System.out.print(text);
            return new Transcript(results, text);
        }
    }
}
