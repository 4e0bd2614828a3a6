package dev.statecraft.rules;

/**
 * The rules of one kind of game, as pure functions over an immutable state.
 *
 * <p>{@code evolve} must be total and deterministic: no clock, no random numbers, no I/O. Time and
 * randomness enter only through the {@link Context} given to {@code decide}, and their results are
 * written into events, so replaying events reproduces the state exactly.
 *
 * @param <S> state, an immutable value
 * @param <C> command, a sealed interface of records
 * @param <E> event, a sealed interface of records
 * @param <V> view, what one seat or a spectator may see
 */
public interface Rules<S, C, E, V> {

    S initialState(Setup setup);

    /** Turns a command into events, or rejects it with a reason code and changes nothing. */
    Decision<E> decide(S state, C command, Context ctx);

    S evolve(S state, E event);

    /** The part of {@code state} that {@code seat} may see; must not leak anything hidden from it. */
    V view(S state, Seat seat);

    /** The state-machine position of {@code state}; games without phases stay in {@link Phases#ACTIVE}. */
    default Phase phase(S state) {
        return Phases.ACTIVE;
    }
}
