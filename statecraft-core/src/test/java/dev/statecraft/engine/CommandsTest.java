package dev.statecraft.engine;

import static dev.statecraft.engine.TestEngines.by;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.engine.CommandResult.Accepted;
import dev.statecraft.engine.CommandResult.Rejected;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.ReasonCode;
import dev.statecraft.rules.Setup;
import dev.statecraft.store.memory.InMemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommandsTest {
    private final Engine engine = TestEngines.tallyEngine();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void an_accepted_command_appends_its_events_as_the_next_versions() {
        engine.create(Tally.TYPE, "t-1", Setup.empty());

        assertThat(engine.submit("t-1", by("ann", "c-1", new Tally.Add(5)))).isEqualTo(new Accepted("t-1", "c-1", 1, 1));
        assertThat(engine.submit("t-1", by("bob", "c-2", new Tally.AddTwice(2)))).isEqualTo(new Accepted("t-1", "c-2", 3, 2));

        assertThat(engine.state("t-1", Tally.State.class).value().total()).isEqualTo(9);
        assertThat(engine.state("t-1").version()).isEqualTo(3);
        assertThat(engine.events("t-1", 1, 10)).extracting(RecordedEvent::commandId).containsExactly("c-1", "c-2", "c-2");
    }

    @Test
    void a_retried_command_id_is_applied_once_and_answered_as_the_first_time() {
        engine.create(Tally.TYPE, "t-1", Setup.empty());
        CommandResult first = engine.submit("t-1", by("ann", "c-1", new Tally.Add(5)));

        CommandResult second = engine.submit("t-1", by("ann", "c-1", new Tally.Add(5)));

        assertThat(second).isEqualTo(first);
        assertThat(engine.state("t-1", Tally.State.class).value().total()).isEqualTo(5);
        assertThat(engine.state("t-1").version()).isEqualTo(1);
    }

    @Test
    void a_command_retried_long_after_the_memory_window_is_still_applied_once_thanks_to_the_store() {
        try (Engine small = Engine.builder().store(InMemoryStore.create()).register(Tally.TYPE)
                .options(EngineOptions.defaults().withDedupeWindow(1)).build()) {
            small.create(Tally.TYPE, "t-1", Setup.empty());
            CommandResult first = small.submit("t-1", by("ann", "old", new Tally.Add(5)));
            for (int i = 0; i < 20; i++) {
                small.submit("t-1", by("bob", "later-" + i, new Tally.Add(1)));
            }
            small.submit("t-1", by("bob", "close", new Tally.Close()));

            CommandResult retry = small.submit("t-1", by("ann", "old", new Tally.Add(5)));

            assertThat(retry).isEqualTo(first);
            assertThat(small.state("t-1", Tally.State.class).value().total()).isEqualTo(25);
        }
    }

    @Test
    void a_retried_rejected_command_gets_the_same_rejection() {
        engine.create(Tally.TYPE, "t-1", Setup.empty());
        CommandResult first = engine.submit("t-1", by("ann", "c-1", new Tally.Add(-1)));

        assertThat(engine.submit("t-1", by("ann", "c-1", new Tally.Add(-1)))).isEqualTo(first);
        assertThat(first).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(ReasonCode.INVALID_MOVE));
    }

    @Test
    void a_command_its_phase_does_not_accept_is_rejected_naming_the_command_and_the_phase() {
        engine.create(Tally.TYPE, "t-1", Setup.empty());

        CommandResult result = engine.submit("t-1", by("ann", "c-1", new Tally.Reopen()));

        assertThat(result).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.WRONG_PHASE);
            assertThat(r.message()).contains("OPEN").contains("Reopen").contains("accepts Add, Close, Roll, Explode, AddTwice");
        });
        assertThat(engine.state("t-1").version()).isZero();
    }

    @Test
    void a_transition_whose_guard_fails_is_rejected_and_changes_nothing() {
        engine.create(Tally.TYPE, "t-1", Setup.empty());

        CommandResult result = engine.submit("t-1", by("ann", "c-1", new Tally.Close()));

        assertThat(result).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.ILLEGAL_TRANSITION);
            assertThat(r.message()).contains("OPEN to CLOSED").contains("the tally is above zero");
        });
        assertThat(engine.phase("t-1")).isEqualTo(Tally.TallyPhase.OPEN);
        assertThat(engine.state("t-1").version()).isZero();
    }

    @Test
    void a_transition_that_is_not_declared_is_rejected_and_changes_nothing() {
        engine.create(Tally.TYPE, "t-1", Setup.empty());
        engine.submit("t-1", by("ann", "c-1", new Tally.Add(1)));
        engine.submit("t-1", by("ann", "c-2", new Tally.Close()));
        Versioned<Object> before = engine.state("t-1");

        CommandResult result = engine.submit("t-1", by("ann", "c-3", new Tally.Reopen()));

        assertThat(result).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.ILLEGAL_TRANSITION);
            assertThat(r.message()).contains("CLOSED to OPEN, which is not a declared transition");
        });
        assertThat(engine.state("t-1")).isEqualTo(before);
    }

    @Test
    void a_stale_expected_version_is_rejected_with_both_versions() {
        engine.create(Tally.TYPE, "t-1", Setup.empty());
        engine.submit("t-1", by("ann", "c-1", new Tally.Add(1)));

        CommandResult result = engine.submit("t-1", by("ann", "c-2", new Tally.Add(1)).expecting(0));

        assertThat(result).isEqualTo(new Rejected("t-1", "c-2", 1, ReasonCode.VERSION_CONFLICT, "game t-1: expected version 0 but was 1"));
        assertThat(engine.submit("t-1", by("ann", "c-3", new Tally.Add(1)).expecting(1)).isAccepted()).isTrue();
    }

    @Test
    void a_command_of_another_game_type_is_rejected_as_unknown() {
        engine.create(Tally.TYPE, "t-1", Setup.empty());
        record Stranger() {
        }

        CommandResult result = engine.submit("t-1", by("ann", "c-1", new Stranger()));

        assertThat(result).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.UNKNOWN_COMMAND);
            assertThat(r.message()).contains("Stranger").contains("tally");
        });
    }

    @Test
    void a_command_to_an_unknown_game_is_rejected_and_reads_of_it_fail_clearly() {
        CommandResult result = engine.submit("nope", by("ann", "c-1", new Tally.Add(1)));

        assertThat(result).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(ReasonCode.UNKNOWN_GAME));
        assertThatThrownBy(() -> engine.state("nope")).hasMessage("game nope: no such game");
        assertThat(engine.hotGameCount()).isZero();
    }

    @Test
    void rules_that_throw_surface_as_a_rules_failure_and_leave_the_game_unchanged() {
        engine.create(Tally.TYPE, "t-1", Setup.empty());
        engine.submit("t-1", by("ann", "c-1", new Tally.Add(3)));
        Versioned<Object> before = engine.state("t-1");

        assertThatThrownBy(() -> engine.submit("t-1", by("ann", "c-2", new Tally.Explode())))
                .isInstanceOf(RulesFailureException.class)
                .hasMessageContaining("game t-1 (tally): decide threw IllegalStateException for Explode: boom");
        assertThat(engine.state("t-1")).isEqualTo(before);
        assertThat(engine.submit("t-1", by("ann", "c-3", new Tally.Add(1)))).isEqualTo(new Accepted("t-1", "c-3", 2, 1));
    }

    @Test
    void randomness_comes_from_the_context_and_is_the_same_for_the_same_seed() {
        long[] rolls = new long[2];
        for (int run = 0; run < 2; run++) {
            try (Engine seeded = TestEngines.tallyEngine()) {
                seeded.create(Tally.TYPE, "t-1", Setup.empty());
                seeded.submit("t-1", by("ann", "roll", new Tally.Roll()));
                rolls[run] = seeded.state("t-1", Tally.State.class).value().lastRoll();
            }
        }
        assertThat(rolls[0]).isBetween(1L, 6L).isEqualTo(rolls[1]);
    }

    @Test
    void the_host_is_an_actor_the_rules_may_refuse() {
        engine.create(Tally.TYPE, "t-1", Setup.empty());

        CommandResult result = engine.submit("t-1", CommandRequest.of("c-1", Actor.host(), new Tally.Add(1)));

        assertThat(result).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(ReasonCode.WRONG_SEAT));
    }

    @Test
    void a_game_id_is_created_once() {
        engine.create(Tally.TYPE, "t-1", Setup.empty());

        assertThatThrownBy(() -> engine.create(Tally.TYPE, "t-1", Setup.empty())).hasMessage("game t-1: already exists");
        assertThatThrownBy(() -> engine.create(Tally.TYPE, "bad id!", Setup.empty())).hasMessageContaining("game id must match");
    }

    @Test
    void a_closed_engine_refuses_work() {
        engine.close();

        assertThatThrownBy(() -> engine.create(Tally.TYPE, "t-1", Setup.empty())).hasMessage("engine is closed");
    }
}
