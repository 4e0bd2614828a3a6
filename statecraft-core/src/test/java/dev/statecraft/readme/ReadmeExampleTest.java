package dev.statecraft.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Context;
import dev.statecraft.rules.Decision;
import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Phase;
import dev.statecraft.rules.Phases;
import dev.statecraft.rules.Rules;
import dev.statecraft.rules.Seat;
import dev.statecraft.rules.Setup;
import dev.statecraft.store.memory.InMemoryStore;
import org.junit.jupiter.api.Test;

/** The game type shown in README.md, compiled and run so the README stays true. */
class ReadmeExampleTest {

    // --- from README.md
    enum CounterPhase implements Phase { COUNTING, DONE }
    sealed interface CounterCommand permits Increment, Stop {}
    record Increment(int by) implements CounterCommand {}
    record Stop() implements CounterCommand {}
    sealed interface CounterEvent permits Incremented, Stopped {}
    record Incremented(int by) implements CounterEvent {}
    record Stopped() implements CounterEvent {}
    record Counter(int value, boolean stopped) {}

    static final class CounterRules implements Rules<Counter, CounterCommand, CounterEvent, Counter> {
        public Counter initialState(Setup setup) { return new Counter(setup.integer("start", 0), false); }
        public Decision<CounterEvent> decide(Counter s, CounterCommand c, Context ctx) {
            return switch (c) {
                case Increment i when i.by() <= 0 -> Decision.reject("invalid-move", "by must be positive");
                case Increment i -> Decision.accept(new Incremented(i.by()));
                case Stop stop -> Decision.accept(new Stopped());
            };
        }
        public Counter evolve(Counter s, CounterEvent e) {
            return switch (e) {
                case Incremented i -> new Counter(s.value() + i.by(), false);
                case Stopped stopped -> new Counter(s.value(), true);
            };
        }
        public Counter view(Counter s, Seat seat) { return s; }
        public Phase phase(Counter s) { return s.stopped() ? CounterPhase.DONE : CounterPhase.COUNTING; }
    }

    static final GameType<Counter, CounterCommand, CounterEvent, Counter> COUNTER =
            GameType.builder("counter", new CounterRules(), Counter.class, CounterCommand.class, CounterEvent.class)
                    .phases(Phases.<Counter>startingIn(CounterPhase.COUNTING)
                            .accepts(CounterPhase.COUNTING, Increment.class, Stop.class)
                            .accepts(CounterPhase.DONE)
                            .transition(CounterPhase.COUNTING, CounterPhase.DONE, "always", s -> true)
                            .build())
                    .build();
    // --- end of README.md

    @Test
    void the_readme_example_runs_as_written() {
        try (Engine engine = Engine.builder().store(InMemoryStore.create()).register(COUNTER).build()) {
            engine.create(COUNTER, "c-1", Setup.of("start", "10"));
            CommandResult r = engine.submit("c-1", CommandRequest.of("cmd-1", Actor.player("ann"), new Increment(5)));
            engine.submit("c-1", CommandRequest.of("cmd-2", Actor.player("ann"), new Stop()));

            assertThat(r).isEqualTo(new CommandResult.Accepted("c-1", "cmd-1", 1, 1));
            assertThat(engine.state("c-1", Counter.class).value()).isEqualTo(new Counter(15, true));
            assertThat(engine.submit("c-1", CommandRequest.of("cmd-3", Actor.player("ann"), new Increment(1))).isAccepted()).isFalse();
        }
    }
}
