package dev.statecraft.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The declared state machine of a game type: which commands each phase accepts and which transitions
 * between phases exist, each with a guard on the state reached.
 *
 * <pre>{@code
 * Phases.<CardState>startingIn(LOBBY)
 *     .accepts(LOBBY, Join.class)
 *     .accepts(PLAYING, Draw.class, Play.class, Pass.class)
 *     .accepts(FINISHED)
 *     .transition(LOBBY, PLAYING, "both seats taken", s -> s.seats().size() == 2)
 *     .transition(PLAYING, FINISHED, "a winner is known", s -> s.winner() != null)
 *     .build();
 * }</pre>
 */
public final class Phases<S> {

    /** The one phase of a game type that declares none. */
    public static final Phase ACTIVE = SinglePhase.ACTIVE;

    private enum SinglePhase implements Phase { ACTIVE }

    /** A declared move from one phase to another, allowed only when {@code guard} holds for the state reached. */
    public record Transition<S>(Phase from, Phase to, String description, Predicate<S> guard) {
        public Transition {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(guard, "guard");
        }
    }

    private final Phase initial;
    private final Map<Phase, List<Class<?>>> accepted;
    private final List<Transition<S>> transitions;
    private final boolean acceptsEverything;

    private Phases(Phase initial, Map<Phase, List<Class<?>>> accepted, List<Transition<S>> transitions, boolean acceptsEverything) {
        this.initial = initial;
        this.accepted = accepted;
        this.transitions = transitions;
        this.acceptsEverything = acceptsEverything;
    }

    /** One phase, {@link #ACTIVE}, that accepts every command; the default for game types without phases. */
    public static <S> Phases<S> single() {
        return new Phases<>(ACTIVE, Map.of(ACTIVE, List.of()), List.of(), true);
    }

    public static <S> Builder<S> startingIn(Phase initial) {
        return new Builder<>(initial);
    }

    public Phase initial() {
        return initial;
    }

    public Set<Phase> phases() {
        return accepted.keySet();
    }

    public List<Transition<S>> transitions() {
        return transitions;
    }

    /** The command types {@code phase} accepts, as declared. */
    public List<Class<?>> acceptedIn(Phase phase) {
        return accepted.getOrDefault(phase, List.of());
    }

    public boolean accepts(Phase phase, Class<?> commandType) {
        if (acceptsEverything) {
            return true;
        }
        for (Class<?> type : acceptedIn(phase)) {
            if (type.isAssignableFrom(commandType)) {
                return true;
            }
        }
        return false;
    }

    public Optional<Transition<S>> transition(Phase from, Phase to) {
        for (Transition<S> t : transitions) {
            if (t.from().equals(from) && t.to().equals(to)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** A sentence for a rejection: what {@code phase} accepts. */
    public String describeAccepted(Phase phase) {
        List<Class<?>> types = acceptedIn(phase);
        if (types.isEmpty()) {
            return "phase " + phase.name() + " accepts no commands";
        }
        return "phase " + phase.name() + " accepts " + types.stream().map(Class::getSimpleName).collect(Collectors.joining(", "));
    }

    public static final class Builder<S> {
        private final Phase initial;
        private final Map<Phase, List<Class<?>>> accepted = new LinkedHashMap<>();
        private final List<Transition<S>> transitions = new ArrayList<>();

        private Builder(Phase initial) {
            this.initial = Objects.requireNonNull(initial, "initial");
        }

        /** Declares {@code phase} and the command types it accepts (a sealed sub-interface counts for all its records). */
        public Builder<S> accepts(Phase phase, Class<?>... commandTypes) {
            Objects.requireNonNull(phase, "phase");
            if (accepted.containsKey(phase)) {
                throw new IllegalArgumentException("phase " + phase.name() + " is declared twice");
            }
            accepted.put(phase, List.of(commandTypes));
            return this;
        }

        public Builder<S> transition(Phase from, Phase to, String description, Predicate<S> guard) {
            if (transition(from, to).isPresent()) {
                throw new IllegalArgumentException("transition " + from.name() + " -> " + to.name() + " is declared twice");
            }
            transitions.add(new Transition<>(from, to, description, guard));
            return this;
        }

        private Optional<Transition<S>> transition(Phase from, Phase to) {
            return transitions.stream().filter(t -> t.from().equals(from) && t.to().equals(to)).findFirst();
        }

        public Phases<S> build() {
            if (!accepted.containsKey(initial)) {
                throw new IllegalArgumentException("initial phase " + initial.name() + " is not declared with accepts(...)");
            }
            Set<Phase> undeclared = new LinkedHashSet<>();
            for (Transition<S> t : transitions) {
                if (!accepted.containsKey(t.from())) undeclared.add(t.from());
                if (!accepted.containsKey(t.to())) undeclared.add(t.to());
            }
            if (initial instanceof Enum<?> e) {
                for (Object constant : e.getDeclaringClass().getEnumConstants()) {
                    if (!accepted.containsKey((Phase) constant)) undeclared.add((Phase) constant);
                }
            }
            if (!undeclared.isEmpty()) {
                throw new IllegalArgumentException("phases used but not declared with accepts(...): "
                        + undeclared.stream().map(Phase::name).collect(Collectors.joining(", ")));
            }
            return new Phases<>(initial, Map.copyOf(accepted), List.copyOf(transitions), false);
        }
    }
}
