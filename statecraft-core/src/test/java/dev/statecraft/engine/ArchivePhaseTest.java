package dev.statecraft.engine;

import static dev.statecraft.engine.TestEngines.by;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Setup;
import dev.statecraft.store.memory.InMemoryStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ArchivePhaseTest {
    private static final GameType<Tally.State, Tally.Command, Tally.Event, Tally.View> ARCHIVED_WHEN_CLOSED =
            GameType.builder("tally-archived", new Tally(), Tally.State.class, Tally.Command.class, Tally.Event.class)
                    .phases(Tally.PHASES).archiveIn(Tally.TallyPhase.CLOSED).build();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InMemoryStore store = InMemoryStore.create();
    private final Engine engine = Engine.builder().store(store).metrics(meters).register(Tally.TYPE, ARCHIVED_WHEN_CLOSED).build();

    private double snapshotsSaved(String gameType) {
        var counter = meters.find("statecraft.snapshots").tag("game.type", gameType).tag("outcome", "saved").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void a_game_entering_another_phase_gets_a_snapshot() {
        engine.create(Tally.TYPE, "t-1", Setup.empty());
        engine.submit("t-1", by("ann", "c-1", new Tally.Add(2)));
        engine.submit("t-1", by("ann", "c-2", new Tally.Close()));
        engine.flush("t-1");

        assertThat(snapshotsSaved("tally")).isEqualTo(1);
        assertThat(store.snapshots().latest("t-1")).hasValueSatisfying(s -> assertThat(s.version()).isEqualTo(2));
    }

    @Test
    void a_game_entering_its_archive_phase_is_archived_with_its_final_state_and_no_snapshot_before() {
        engine.create(ARCHIVED_WHEN_CLOSED, "t-1", Setup.empty());
        engine.submit("t-1", by("ann", "c-1", new Tally.Add(2)));
        engine.submit("t-1", by("ann", "c-2", new Tally.Close()));

        assertThat(snapshotsSaved("tally-archived")).isZero();
        assertThat(engine.findArchived("t-1")).hasValueSatisfying(a -> assertThat(a.finalVersion()).isEqualTo(2));
        assertThat(engine.archivedState("t-1").value()).isEqualTo(engine.replayArchived("t-1").value());
        assertThat(((Tally.State) engine.archivedState("t-1").value()).total()).isEqualTo(2);
    }
}
