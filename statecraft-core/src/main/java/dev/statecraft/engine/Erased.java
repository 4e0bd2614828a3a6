package dev.statecraft.engine;

import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Phases;
import dev.statecraft.rules.Rules;

/** The engine handles every game type alike; these casts are safe because a type's parts are only ever given its own values. */
final class Erased {
    private Erased() {
    }

    @SuppressWarnings("unchecked")
    static Rules<Object, Object, Object, Object> rules(GameType<?, ?, ?, ?> type) {
        return (Rules<Object, Object, Object, Object>) type.rules();
    }

    @SuppressWarnings("unchecked")
    static String outcome(GameType<?, ?, ?, ?> type, Object state) {
        return ((GameType<Object, ?, ?, ?>) type).outcome(state);
    }

    @SuppressWarnings("unchecked")
    static Phases<Object> phases(GameType<?, ?, ?, ?> type) {
        return (Phases<Object>) type.phases();
    }
}
