package dev.statecraft.examples.world;

import dev.statecraft.examples.world.WorldCommand.AcceptTrade;
import dev.statecraft.rules.GameType;

/**
 * The example RPG world: one game is one zone of players and map regions.
 *
 * <pre>{@code
 * Engine engine = Engine.builder().store(InMemoryStore.create()).register(World.TYPE).build();
 * engine.create(World.TYPE, "zone-1", Setup.of("width", "128", "height", "128"));
 * engine.submit("zone-1", CommandRequest.of("c-1", Actor.player("ann"), new EnterWorld()));
 * }</pre>
 */
public final class World {
    public static final WorldRules RULES = new WorldRules();

    /** Trades are critical: once accepted they are never lost, whatever the write policy. */
    public static final GameType<ZoneState, WorldCommand, WorldEvent, WorldView> TYPE =
            GameType.builder("world", RULES, ZoneState.class, WorldCommand.class, WorldEvent.class)
                    .critical(AcceptTrade.class)
                    .build();

    private World() {
    }
}
