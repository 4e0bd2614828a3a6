package dev.statecraft.sqlite.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.Engine;
import dev.statecraft.engine.EngineBuilder;
import dev.statecraft.engine.EngineOptions;
import dev.statecraft.engine.Versioned;
import dev.statecraft.examples.cards.CardCommand;
import dev.statecraft.examples.cards.Cards;
import dev.statecraft.rules.Setup;
import dev.statecraft.sqlite.SqliteStore;
import dev.statecraft.sqlite.SqliteStoreProvider;
import dev.statecraft.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {
    @TempDir
    Path folder;

    @Test
    void an_engine_built_without_a_store_keeps_its_games_in_sqlite_in_the_data_folder_across_restarts() {
        assertThat(EngineBuilder.DEFAULT_DATA_FOLDER).isEqualTo(Path.of("data"));
        Versioned<Object> played;
        try (Engine engine = Engine.builder().dataFolder(folder).register(Cards.TYPE).build()) {
            engine.create(Cards.TYPE, "m-1", Setup.empty());
            Moves.seatBoth(engine, "m-1");
            Moves.play(engine, "m-1", 4);
            played = engine.state("m-1");
        }
        assertThat(Files.exists(folder.resolve(SqliteStoreProvider.FILE_NAME))).isTrue();

        try (Engine engine = Engine.builder().dataFolder(folder).register(Cards.TYPE).build()) {
            assertThat(engine.state("m-1")).isEqualTo(played);
        }
    }

    @Test
    void on_start_the_most_recently_active_games_are_warmed_and_the_others_load_on_first_use() {
        ManualClock clock = ManualClock.startingAt("2026-05-01T10:00:00Z");
        Path file = folder.resolve("statecraft.db");
        try (SqliteStore store = SqliteStore.open(file);
             Engine engine = Engine.builder().store(store).register(Cards.TYPE).clock(clock).build()) {
            for (String id : new String[] {"first", "second", "third", "fourth"}) {
                engine.create(Cards.TYPE, id, Setup.empty());
            }
            for (String id : new String[] {"first", "second", "third", "fourth"}) {
                clock.advance(Duration.ofMinutes(1));
                Moves.submit(engine, id, "ann", id + "-join", new CardCommand.Join());
            }
        }

        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (SqliteStore store = SqliteStore.open(file);
             Engine engine = Engine.builder().store(store).register(Cards.TYPE).metrics(metrics)
                     .options(EngineOptions.defaults().withWarmOnStart(2)).build()) {
            assertThat(engine.hotGameCount()).isEqualTo(2);
            double loadsAtStart = metrics.get("statecraft.games.loads.time").timers().stream().mapToLong(t -> t.count()).sum();

            engine.state("fourth");
            engine.state("third");
            double loadsAfter = metrics.get("statecraft.games.loads.time").timers().stream().mapToLong(t -> t.count()).sum();
            engine.state("second");
            engine.state("first");
            double loadsAtEnd = metrics.get("statecraft.games.loads.time").timers().stream().mapToLong(t -> t.count()).sum();

            assertThat(loadsAtStart).isEqualTo(2);
            assertThat(loadsAfter).as("the two played last were warmed").isEqualTo(2);
            assertThat(loadsAtEnd).as("the two played first load on first use").isEqualTo(4);
        }
    }

    @Test
    void games_evicted_past_the_hot_set_bound_come_back_transparently_from_sqlite() {
        Map<String, Versioned<Object>> played = new LinkedHashMap<>();
        try (SqliteStore store = SqliteStore.open(folder.resolve("statecraft.db"));
             Engine engine = Engine.builder().store(store).register(Cards.TYPE).seed(5)
                     .options(EngineOptions.defaults().withMaxHotGames(3).withPassivateAfter(Duration.ZERO)).build()) {
            for (int g = 0; g < 12; g++) {
                String id = "m-" + g;
                engine.create(Cards.TYPE, id, Setup.empty());
                Moves.seatBoth(engine, id);
                Moves.play(engine, id, 3);
                played.put(id, engine.state(id));
                assertThat(engine.hotGameCount()).isLessThanOrEqualTo(3);
            }
            played.forEach((id, state) -> assertThat(engine.state(id)).isEqualTo(state));
            assertThat(engine.hotGameCount()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void the_state_at_a_past_version_or_instant_is_rebuilt_from_sqlite() {
        ManualClock clock = ManualClock.startingAt("2026-05-01T10:00:00Z");
        try (SqliteStore store = SqliteStore.open(folder.resolve("statecraft.db"));
             Engine engine = Engine.builder().store(store).register(Cards.TYPE).clock(clock).seed(9).build()) {
            engine.create(Cards.TYPE, "m-1", Setup.empty());
            Moves.seatBoth(engine, "m-1");
            Versioned<Object> atThree = engine.state("m-1");
            clock.advance(Duration.ofMinutes(5));
            Moves.play(engine, "m-1", 4);

            assertThat(engine.stateAt("m-1", 3)).isEqualTo(atThree);
            assertThat(engine.stateAt("m-1", clock.instant().minus(Duration.ofMinutes(1)))).isEqualTo(atThree);
        }
    }
}
