package dev.statecraft.engine;

import dev.statecraft.rules.Actor;
import dev.statecraft.store.memory.InMemoryStore;

/** Shortcuts for engine tests. */
final class TestEngines {
    private TestEngines() {
    }

    static Engine tallyEngine() {
        return Engine.builder().store(InMemoryStore.create()).register(Tally.TYPE).seed(42).build();
    }

    static CommandRequest by(String player, String commandId, Object command) {
        return CommandRequest.of(commandId, Actor.player(player), command);
    }
}
