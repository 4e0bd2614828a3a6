package dev.statecraft.engine;

import static dev.statecraft.engine.TestEngines.by;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.rules.Setup;
import dev.statecraft.store.memory.InMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    /** Advances one second each time it is read. */
    static final class TickingClock extends Clock {
        private Instant now = T0;

        @Override
        public synchronized Instant instant() {
            Instant current = now;
            now = now.plusSeconds(1);
            return current;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final Engine engine = Engine.builder().store(InMemoryStore.create()).register(Tally.TYPE).clock(new TickingClock()).build();

    @Test
    void the_state_at_any_past_version_or_instant_is_rebuilt_from_history() {
        engine.create(Tally.TYPE, "t-1", Setup.of("start", "100"));
        for (int i = 1; i <= 5; i++) {
            engine.submit("t-1", by("ann", "c-" + i, new Tally.Add(i)));
        }

        assertThat(engine.stateAt("t-1", 0).value()).isEqualTo(engine.stateAt("t-1", 0).value());
        assertThat(((Tally.State) engine.stateAt("t-1", 0).value()).total()).isEqualTo(100);
        assertThat(((Tally.State) engine.stateAt("t-1", 3).value()).total()).isEqualTo(106);
        Instant third = engine.events("t-1", 3, 3).getFirst().recordedAt();
        assertThat(engine.stateAt("t-1", third).version()).isEqualTo(3);
        assertThat(engine.stateAt("t-1", third.minus(Duration.ofMillis(1))).version()).isEqualTo(2);
        assertThat(engine.stateAt("t-1", third.plus(Duration.ofDays(1))).value()).isEqualTo(engine.state("t-1").value());
        assertThatThrownBy(() -> engine.stateAt("t-1", 6)).hasMessage("game t-1: has no version 6 (last is 5)");
    }

    @Test
    void phase_transitions_are_queryable_with_their_version_and_time() {
        engine.create(Tally.TYPE, "t-1", Setup.empty());
        engine.submit("t-1", by("ann", "c-1", new Tally.Add(1)));
        engine.submit("t-1", by("ann", "c-2", new Tally.Close()));

        List<PhaseTransition> transitions = engine.transitions("t-1");

        assertThat(transitions).hasSize(1);
        assertThat(transitions.getFirst().from()).isEqualTo(Tally.TallyPhase.OPEN);
        assertThat(transitions.getFirst().to()).isEqualTo(Tally.TallyPhase.CLOSED);
        assertThat(transitions.getFirst().version()).isEqualTo(2);
        assertThat(transitions.getFirst().at()).isEqualTo(engine.events("t-1", 2, 2).getFirst().recordedAt());
    }

    @Test
    void events_are_decoded_with_the_command_that_caused_them() {
        engine.create(Tally.TYPE, "t-1", Setup.empty());
        engine.submit("t-1", by("ann", "c-1", new Tally.AddTwice(3)));

        assertThat(engine.events("t-1", 1, 100)).extracting(RecordedEvent::version, RecordedEvent::commandId, RecordedEvent::event)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "c-1", new Tally.Added("ann", 3)),
                        org.assertj.core.groups.Tuple.tuple(2L, "c-1", new Tally.Added("ann", 3)));
    }
}
