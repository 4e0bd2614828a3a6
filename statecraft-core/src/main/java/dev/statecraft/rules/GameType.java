package dev.statecraft.rules;

import dev.statecraft.persistence.Persistence;
import dev.statecraft.persistence.WritePolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Everything the engine needs to know about one kind of game: its name, its rules, the sealed families
 * of its commands and events, its phases, schema versions, and which commands are critical.
 * Validated when built and immutable afterwards.
 *
 * <pre>{@code
 * GameType<CardState, CardCommand, CardEvent, CardView> CARDS =
 *     GameType.builder("cards", new CardRules(), CardState.class, CardCommand.class, CardEvent.class)
 *         .phases(CardRules.PHASES)
 *         .build();
 * }</pre>
 */
public final class GameType<S, C, E, V> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private final String name;
    private final Rules<S, C, E, V> rules;
    private final Class<S> stateType;
    private final SealedFamily<C> commands;
    private final SealedFamily<E> events;
    private final Phases<S> phases;
    private final int stateSchemaVersion;
    private final Map<Class<?>, Integer> eventSchemaVersions;
    private final List<Class<? extends C>> criticalCommands;
    private final Persistence persistence;
    private final Map<Class<?>, WritePolicy> commandPolicies;
    private final Function<S, String> outcome;
    private final Set<Phase> archivePhases;

    private GameType(Builder<S, C, E, V> b) {
        this.name = b.name;
        this.rules = b.rules;
        this.stateType = b.stateType;
        this.commands = SealedFamily.of(b.commandType);
        this.events = SealedFamily.of(b.eventType);
        this.phases = b.phases;
        this.stateSchemaVersion = b.stateSchemaVersion;
        this.eventSchemaVersions = Map.copyOf(b.eventSchemaVersions);
        this.criticalCommands = List.copyOf(b.criticalCommands);
        this.persistence = b.persistence;
        this.commandPolicies = Map.copyOf(b.commandPolicies);
        this.outcome = b.outcome;
        this.archivePhases = Set.copyOf(b.archivePhases);
        for (Phase phase : archivePhases) {
            if (!phases.phases().contains(phase)) {
                throw new IllegalArgumentException("game type " + name + ": archive phase " + phase.name() + " is not one of its phases");
            }
        }
        for (Class<?> accepted : phases.phases().stream().flatMap(p -> phases.acceptedIn(p).stream()).toList()) {
            if (!b.commandType.isAssignableFrom(accepted)) {
                throw new IllegalArgumentException("game type " + name + ": phases accept " + accepted.getName()
                        + ", which is not a " + b.commandType.getName());
            }
        }
        for (Class<?> versioned : eventSchemaVersions.keySet()) {
            if (!events.members().contains(versioned)) {
                throw new IllegalArgumentException("game type " + name + ": schema version given for " + versioned.getName()
                        + ", which is not a record of " + b.eventType.getName());
            }
        }
    }

    public static <S, C, E, V> Builder<S, C, E, V> builder(
            String name, Rules<S, C, E, V> rules, Class<S> stateType, Class<C> commandType, Class<E> eventType) {
        return new Builder<>(name, rules, stateType, commandType, eventType);
    }

    public String name() {
        return name;
    }

    public Rules<S, C, E, V> rules() {
        return rules;
    }

    public Class<S> stateType() {
        return stateType;
    }

    public SealedFamily<C> commands() {
        return commands;
    }

    public SealedFamily<E> events() {
        return events;
    }

    public Phases<S> phases() {
        return phases;
    }

    /** Version of the state's shape; a snapshot written under another version is not used. */
    public int stateSchemaVersion() {
        return stateSchemaVersion;
    }

    /** Version of this event record's shape, written with every stored event of it. */
    public int eventSchemaVersion(Class<?> eventRecord) {
        return eventSchemaVersions.getOrDefault(eventRecord, 1);
    }

    /** Critical commands (trades, purchases) are always made durable before they are acknowledged. */
    public boolean isCritical(Object command) {
        for (Class<? extends C> type : criticalCommands) {
            if (type.isInstance(command)) {
                return true;
            }
        }
        return false;
    }

    public Persistence persistence() {
        return persistence;
    }

    /** The policy {@code command} is written under: durable if critical, else its own override, else the type's. */
    public WritePolicy writePolicyFor(Object command) {
        if (isCritical(command)) {
            return WritePolicy.durable();
        }
        for (Map.Entry<Class<?>, WritePolicy> override : commandPolicies.entrySet()) {
            if (override.getKey().isInstance(command)) {
                return override.getValue();
            }
        }
        return persistence.writePolicy();
    }

    /** How a finished game's outcome is described in its history record. */
    public String outcome(S state) {
        return outcome.apply(state);
    }

    /** Phases in which a game is archived as soon as it enters them. */
    public Set<Phase> archivePhases() {
        return archivePhases;
    }

    @Override
    public String toString() {
        return "GameType[" + name + "]";
    }

    public static final class Builder<S, C, E, V> {
        private final String name;
        private final Rules<S, C, E, V> rules;
        private final Class<S> stateType;
        private final Class<C> commandType;
        private final Class<E> eventType;
        private Phases<S> phases = Phases.single();
        private int stateSchemaVersion = 1;
        private final Map<Class<?>, Integer> eventSchemaVersions = new HashMap<>();
        private final List<Class<? extends C>> criticalCommands = new ArrayList<>();
        private Persistence persistence = Persistence.defaults();
        private final Map<Class<?>, WritePolicy> commandPolicies = new LinkedHashMap<>();
        private Function<S, String> outcome;
        private final List<Phase> archivePhases = new ArrayList<>();

        private Builder(String name, Rules<S, C, E, V> rules, Class<S> stateType, Class<C> commandType, Class<E> eventType) {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("game type name must match " + NAME.pattern() + " (was '" + name + "')");
            }
            this.name = name;
            this.rules = Objects.requireNonNull(rules, "rules");
            this.stateType = Objects.requireNonNull(stateType, "stateType");
            this.commandType = Objects.requireNonNull(commandType, "commandType");
            this.eventType = Objects.requireNonNull(eventType, "eventType");
            this.outcome = state -> rules.phase(state).name();
        }

        public Builder<S, C, E, V> persistence(Persistence persistence) {
            this.persistence = Objects.requireNonNull(persistence, "persistence");
            return this;
        }

        /** Writes {@code commandType} under {@code policy} instead of the type's; critical commands stay durable. */
        public Builder<S, C, E, V> writePolicy(Class<? extends C> commandType, WritePolicy policy) {
            commandPolicies.put(Objects.requireNonNull(commandType, "commandType"), Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /** Describes a finished game's outcome for its history record; the phase name by default. */
        public Builder<S, C, E, V> outcome(Function<S, String> outcome) {
            this.outcome = Objects.requireNonNull(outcome, "outcome");
            return this;
        }

        /** Archives a game as soon as a command moves it into one of {@code phases}. */
        public Builder<S, C, E, V> archiveIn(Phase... phases) {
            archivePhases.addAll(List.of(phases));
            return this;
        }

        public Builder<S, C, E, V> phases(Phases<S> phases) {
            this.phases = Objects.requireNonNull(phases, "phases");
            return this;
        }

        public Builder<S, C, E, V> stateSchemaVersion(int version) {
            if (version < 1) {
                throw new IllegalArgumentException("stateSchemaVersion must be >= 1 (was " + version + ")");
            }
            this.stateSchemaVersion = version;
            return this;
        }

        public Builder<S, C, E, V> eventSchemaVersion(Class<? extends E> eventRecord, int version) {
            if (version < 1) {
                throw new IllegalArgumentException("eventSchemaVersion of " + eventRecord.getSimpleName() + " must be >= 1 (was " + version + ")");
            }
            eventSchemaVersions.put(eventRecord, version);
            return this;
        }

        @SafeVarargs
        public final Builder<S, C, E, V> critical(Class<? extends C>... commandTypes) {
            criticalCommands.addAll(List.of(commandTypes));
            return this;
        }

        public GameType<S, C, E, V> build() {
            return new GameType<>(this);
        }
    }
}
