package dev.statecraft.bench;

import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.EngineOptions;
import dev.statecraft.examples.cards.Cards;
import dev.statecraft.examples.world.World;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Setup;
import dev.statecraft.store.memory.InMemoryStore;

/** The engine with its default options and an in-memory store, both example game types registered. */
final class EngineHost implements GameHost {
    private final InMemoryStore store;
    private final Engine engine;

    private EngineHost(InMemoryStore store, Engine engine) {
        this.store = store;
        this.engine = engine;
    }

    static EngineHost start() {
        InMemoryStore store = InMemoryStore.create();
        Engine engine = Engine.builder().store(store).register(Cards.TYPE, World.TYPE).options(EngineOptions.defaults()).build();
        return new EngineHost(store, engine);
    }

    @Override
    public void create(GameType<?, ?, ?, ?> type, String gameId) {
        engine.create(type, gameId, Setup.empty());
    }

    @Override
    public Object state(String gameId) {
        return engine.state(gameId).value();
    }

    @Override
    public long submit(String gameId, String commandId, Actor actor, Object command) {
        return switch (engine.submit(gameId, CommandRequest.of(commandId, actor, command))) {
            case CommandResult.Accepted accepted -> accepted.version();
            case CommandResult.Rejected rejected -> throw new IllegalStateException("game " + gameId + ": " + command + " by " + actor
                    + " was rejected with " + rejected.code() + ": " + rejected.message() + " (the benchmark sends only legal commands)");
        };
    }

    @Override
    public void retire(String gameId) {
        engine.passivate(gameId);
    }

    @Override
    public void close() {
        engine.close();
        store.close();
    }
}
