package dev.statecraft.examples.cards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.Engine;
import dev.statecraft.engine.PhaseTransition;
import dev.statecraft.engine.Versioned;
import dev.statecraft.store.memory.InMemoryStore;
import dev.statecraft.testkit.Seeds;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ScriptedMatchTest {
    /** The CLI demo's default seed and game id; about one seed in a hundred plays a scripted match to a draw instead. */
    private static final long DEMO_SEED = 2026;
    private static final String DEMO_MATCH = "demo-match";

    @Test
    void a_scripted_match_goes_from_lobby_through_playing_to_finished_with_a_winner() {
        try (Engine engine = engine(DEMO_SEED)) {
            Transcript transcript = play(engine, DEMO_MATCH);

            Versioned<CardState> end = transcript.end();
            assertThat(end.phase()).isEqualTo(CardPhase.FINISHED);
            assertThat(end.value().outcome().ending().hasWinner()).isTrue();
            assertThat(end.value().outcome().winner()).isIn(ScriptedCardMatch.PLAYERS);
            assertThat(engine.transitions(DEMO_MATCH))
                    .extracting(PhaseTransition::from, PhaseTransition::to)
                    .containsExactly(
                            Tuple.tuple(CardPhase.LOBBY, CardPhase.PLAYING),
                            Tuple.tuple(CardPhase.PLAYING, CardPhase.FINISHED));
            assertThat(engine.transitions(DEMO_MATCH)).extracting(PhaseTransition::version).containsExactly(3L, end.version());
            assertThat(transcript.text()).contains("ann  joins", "bob  joins", "outcome: " + end.value().outcome().describe());
        }
    }

    @Test
    void the_same_engine_seed_plays_the_same_match() {
        long seed = Seeds.seed("the_same_engine_seed_plays_the_same_match");
        try (Engine first = engine(seed); Engine second = engine(seed)) {
            assertThat(play(first, "again").text()).isEqualTo(play(second, "again").text());
        }
    }

    @Test
    void scripted_matches_always_finish() {
        long seed = Seeds.seed("scripted_matches_always_finish");
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        try (Engine engine = engine(seed)) {
            for (int i = 0; i < Seeds.scaled(200); i++) {
                String gameId = "scripted-" + i;
                Versioned<CardState> end = ScriptedCardMatch.play(engine, gameId, nowhere);
                assertThat(end.phase()).as("seed %d, game %s", seed, gameId).isEqualTo(CardPhase.FINISHED);
                assertThat(end.value().outcome().isDecided()).as("seed %d, game %s", seed, gameId).isTrue();
            }
        }
    }

    private record Transcript(Versioned<CardState> end, String text) {
    }

    private static Transcript play(Engine engine, String gameId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Versioned<CardState> end;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            end = ScriptedCardMatch.play(engine, gameId, out);
        }
        return new Transcript(end, bytes.toString(StandardCharsets.UTF_8));
    }

    private static Engine engine(long seed) {
        return Engine.builder().store(InMemoryStore.create()).register(Cards.TYPE).seed(seed).build();
    }
}
