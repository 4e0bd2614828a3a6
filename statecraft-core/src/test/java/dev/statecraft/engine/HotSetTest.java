package dev.statecraft.engine;

import static dev.statecraft.engine.TestEngines.by;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.rules.Setup;
import dev.statecraft.store.memory.InMemoryStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HotSetTest {

    record Passivated(String gameId, long version, Object state) {
    }

    @Test
    void past_the_bound_the_least_recently_used_games_are_evicted_and_come_back_transparently() {
        List<Passivated> passivated = new CopyOnWriteArrayList<>();
        try (Engine engine = Engine.builder().store(InMemoryStore.create()).register(Tally.TYPE)
                .options(EngineOptions.defaults().withMaxHotGames(10).withPassivateAfter(Duration.ZERO))
                .onPassivation((id, version, state) -> passivated.add(new Passivated(id, version, state))).build()) {

            for (int g = 0; g < 50; g++) {
                engine.create(Tally.TYPE, "g-" + g, Setup.empty());
                engine.submit("g-" + g, by("ann", "c-1", new Tally.Add(g + 1)));
                assertThat(engine.hotGameCount()).isLessThanOrEqualTo(10);
            }

            assertThat(passivated).extracting(Passivated::gameId).contains("g-0", "g-1", "g-2").doesNotContain("g-49");
            assertThat(passivated).filteredOn(p -> p.gameId().equals("g-3"))
                    .containsExactly(new Passivated("g-3", 1, engine.stateAt("g-3", 1).value()));
            for (int g = 0; g < 50; g++) {
                assertThat(engine.submit("g-" + g, by("ann", "c-2", new Tally.Add(1)))).isEqualTo(new CommandResult.Accepted("g-" + g, "c-2", 2, 1));
                assertThat(engine.state("g-" + g, Tally.State.class).value().total()).isEqualTo(g + 2);
                assertThat(engine.hotGameCount()).isLessThanOrEqualTo(10);
            }
        }
    }

    @Test
    void idle_games_are_passivated_and_reload_on_next_use() {
        try (Engine engine = Engine.builder().store(InMemoryStore.create()).register(Tally.TYPE)
                .options(EngineOptions.defaults().withPassivateAfter(Duration.ofMillis(50))).build()) {
            engine.create(Tally.TYPE, "t-1", Setup.empty());
            engine.submit("t-1", by("ann", "c-1", new Tally.Add(4)));

            await().atMost(Duration.ofSeconds(5)).until(() -> engine.hotGameCount() == 0);

            assertThat(engine.state("t-1", Tally.State.class).value().total()).isEqualTo(4);
            assertThat(engine.hotGameCount()).isEqualTo(1);
        }
    }

    @Test
    void a_game_whose_passivation_hook_fails_stays_in_memory() {
        try (Engine engine = Engine.builder().store(InMemoryStore.create()).register(Tally.TYPE)
                .options(EngineOptions.defaults().withPassivateAfter(Duration.ZERO))
                .onPassivation((id, version, state) -> {
                    throw new IllegalStateException("disk full");
                }).build()) {
            engine.create(Tally.TYPE, "t-1", Setup.empty());

            assertThat(engine.passivate("t-1")).isFalse();
            assertThat(engine.hotGameCount()).isEqualTo(1);
        }
    }

    @Test
    void closing_the_engine_passivates_every_game_and_stops_its_threads() {
        List<String> passivated = new CopyOnWriteArrayList<>();
        Engine engine = Engine.builder().store(InMemoryStore.create()).register(Tally.TYPE)
                .onPassivation((id, version, state) -> passivated.add(id)).build();
        engine.create(Tally.TYPE, "a", Setup.empty());
        engine.create(Tally.TYPE, "b", Setup.empty());
        assertThat(threadNamed("statecraft-passivator")).isTrue();

        engine.close();

        assertThat(passivated).containsExactlyInAnyOrder("a", "b");
        assertThat(engine.hotGameCount()).isZero();
        assertThat(threadNamed("statecraft-passivator")).isFalse();
    }

    private static boolean threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
