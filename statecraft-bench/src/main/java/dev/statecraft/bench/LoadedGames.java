package dev.statecraft.bench;

import java.util.Arrays;
import java.util.Objects;

/** The ids of games loaded into an engine, and strong references to their states until {@link #dropStates()}. */
final class LoadedGames {
    private final String[] ids;
    private Object[] states;

    LoadedGames(int count) {
        ids = new String[count];
        states = new Object[count];
    }

    void add(int index, String gameId, Object state) {
        ids[index] = gameId;
        states[index] = state;
    }

    int count() {
        return ids.length;
    }

    String id(int index) {
        return ids[index];
    }

    Object state(int index) {
        return Objects.requireNonNull(states, "states were dropped")[index];
    }

    /** Lets the states go, so that a collection frees whatever only they held. */
    void dropStates() {
        Arrays.fill(states, null);
        states = null;
    }
}
