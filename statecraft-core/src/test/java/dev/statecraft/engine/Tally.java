package dev.statecraft.engine;

import dev.statecraft.rules.Context;
import dev.statecraft.rules.Decision;
import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Phase;
import dev.statecraft.rules.Phases;
import dev.statecraft.rules.ReasonCode;
import dev.statecraft.rules.Rules;
import dev.statecraft.rules.Seat;
import dev.statecraft.rules.Setup;
import java.util.HashMap;
import java.util.Map;

/** A tiny game for engine tests: players add to a shared tally until someone closes it. */
final class Tally implements Rules<Tally.State, Tally.Command, Tally.Event, Tally.View> {

    enum TallyPhase implements Phase { OPEN, CLOSED }

    record State(long total, Map<String, Long> byPlayer, boolean closed, long lastRoll) {
        State {
            byPlayer = Map.copyOf(byPlayer);
        }

        State plus(String player, long amount) {
            Map<String, Long> next = new HashMap<>(byPlayer);
            next.merge(player, amount, Long::sum);
            return new State(total + amount, next, closed, lastRoll);
        }
    }

    sealed interface Command permits Add, Close, Roll, Explode, Reopen, AddTwice {}
    record Add(long amount) implements Command {}
    record Close() implements Command {}
    record Roll() implements Command {}
    record Explode() implements Command {}
    record Reopen() implements Command {}
    record AddTwice(long amount) implements Command {}

    sealed interface Event permits Added, Closed, Rolled, Reopened {}
    record Added(String player, long amount) implements Event {}
    record Closed() implements Event {}
    record Rolled(long value) implements Event {}
    record Reopened() implements Event {}

    record View(long total, long mine) {}

    static final Phases<State> PHASES = Phases.<State>startingIn(TallyPhase.OPEN)
            .accepts(TallyPhase.OPEN, Add.class, Close.class, Roll.class, Explode.class, AddTwice.class)
            .accepts(TallyPhase.CLOSED, Reopen.class)
            .transition(TallyPhase.OPEN, TallyPhase.CLOSED, "the tally is above zero", s -> s.total() > 0)
            .build();

    static final GameType<State, Command, Event, View> TYPE =
            GameType.builder("tally", new Tally(), State.class, Command.class, Event.class).phases(PHASES).critical(Close.class).build();

    @Override
    public State initialState(Setup setup) {
        return new State(setup.integer("start", 0), Map.of(), false, 0);
    }

    @Override
    public Decision<Event> decide(State state, Command command, Context ctx) {
        if (!(ctx.actor() instanceof dev.statecraft.rules.Actor.Player player)) {
            return Decision.reject(ReasonCode.WRONG_SEAT, "only players may act");
        }
        return switch (command) {
            case Add add when add.amount() <= 0 -> Decision.reject(ReasonCode.INVALID_MOVE, "amount must be positive (was " + add.amount() + ")");
            case Add add -> Decision.accept(new Added(player.id(), add.amount()));
            case AddTwice add -> Decision.accept(new Added(player.id(), add.amount()), new Added(player.id(), add.amount()));
            case Close close -> Decision.accept(new Closed());
            case Roll roll -> Decision.accept(new Rolled(ctx.random().nextLong(1, 7)));
            case Explode explode -> throw new IllegalStateException("boom");
            case Reopen reopen -> Decision.accept(new Reopened());
        };
    }

    @Override
    public State evolve(State state, Event event) {
        return switch (event) {
            case Added added -> state.plus(added.player(), added.amount());
            case Closed closed -> new State(state.total(), state.byPlayer(), true, state.lastRoll());
            case Rolled rolled -> new State(state.total(), state.byPlayer(), state.closed(), rolled.value());
            case Reopened reopened -> new State(state.total(), state.byPlayer(), false, state.lastRoll());
        };
    }

    @Override
    public View view(State state, Seat seat) {
        return switch (seat) {
            case Seat.Player p -> new View(state.total(), state.byPlayer().getOrDefault(p.id(), 0L));
            case Seat.Spectator s -> new View(state.total(), 0);
        };
    }

    @Override
    public Phase phase(State state) {
        return state.closed() ? TallyPhase.CLOSED : TallyPhase.OPEN;
    }
}
