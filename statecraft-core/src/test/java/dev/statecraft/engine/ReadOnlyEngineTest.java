package dev.statecraft.engine;

import static dev.statecraft.engine.TestEngines.by;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.persistence.Persistence;
import dev.statecraft.persistence.Strategy;
import dev.statecraft.rules.GameType;
import dev.statecraft.rules.ReasonCode;
import dev.statecraft.rules.Setup;
import dev.statecraft.store.memory.InMemoryStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadOnlyEngineTest {
    private static final GameType<Tally.State, Tally.Command, Tally.Event, Tally.View> HYBRID =
            GameType.builder("tally", new Tally(), Tally.State.class, Tally.Command.class, Tally.Event.class)
                    .phases(Tally.PHASES).persistence(Persistence.defaults().withStrategy(Strategy.HYBRID)).build();

    @Test
    void a_read_only_engine_reads_games_but_rejects_commands_and_writes_nothing_when_they_leave_memory() {
        InMemoryStore store = InMemoryStore.create();
        try (Engine writer = Engine.builder().store(store).register(HYBRID).options(EngineOptions.defaults().withPassivateAfter(Duration.ZERO)).build()) {
            writer.create(HYBRID, "t-1", Setup.empty());
            writer.submit("t-1", by("ann", "c-1", new Tally.Add(3)));
            writer.passivate("t-1");
            writer.submit("t-1", by("ann", "c-2", new Tally.Add(4)));
        }
        long snapshotVersion = store.snapshots().latest("t-1").orElseThrow().version();

        try (Engine reader = Engine.builder().store(store).register(HYBRID).readOnly().build()) {
            assertThat(reader.state("t-1", Tally.State.class).value().total()).isEqualTo(7);
            assertThat(reader.submit("t-1", by("ann", "c-3", new Tally.Add(1))))
                    .isInstanceOfSatisfying(CommandResult.Rejected.class, r -> assertThat(r.code()).isEqualTo(ReasonCode.READ_ONLY));
            assertThatThrownBy(() -> reader.create(HYBRID, "t-2", Setup.empty())).hasMessageContaining("read-only");
            assertThatThrownBy(() -> reader.archive("t-1")).hasMessageContaining("read-only");
            assertThat(reader.passivate("t-1")).isTrue();
        }

        assertThat(store.snapshots().latest("t-1").orElseThrow().version()).isEqualTo(snapshotVersion);
        assertThat(store.events().lastVersion("t-1")).isEqualTo(2);
    }
}
