package dev.statecraft.engine;

import dev.statecraft.rules.Phase;

/** A game's state with its version and phase, replaced as a whole so readers never see a torn triple. */
record LiveState(long version, Phase phase, Object state) {

    Versioned<Object> versioned(String gameId) {
        return new Versioned<>(gameId, version, phase, state);
    }
}
