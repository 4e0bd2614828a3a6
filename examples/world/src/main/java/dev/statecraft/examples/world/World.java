package dev.statecraft.examples.world;

import dev.statecraft.examples.world.WorldCommand.AcceptTrade;
import dev.statecraft.persistence.Persistence;
import dev.statecraft.persistence.Strategy;
import dev.statecraft.persistence.WritePolicy;
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

    /**
     * Movement and most actions are buffered (write-behind, flushed every 200 ms) and the zone is kept
     * as events plus its latest state at each flush; trades are critical: durable before they are
     * acknowledged, whatever the policy.
     */
    public static final GameType<ZoneState, WorldCommand, WorldEvent, WorldView> TYPE =
            GameType.builder("world", RULES, ZoneState.class, WorldCommand.class, WorldEvent.class)
                    .persistence(Persistence.defaults().withStrategy(Strategy.HYBRID).withWritePolicy(WritePolicy.buffered()))
                    .critical(AcceptTrade.class)
                    .build();

    private World() {
    }
}
