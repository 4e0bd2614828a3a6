package dev.statecraft.bench.durability;

import dev.statecraft.examples.world.World;
import dev.statecraft.examples.world.WorldCommand;
import dev.statecraft.examples.world.WorldEvent;
import dev.statecraft.examples.world.WorldView;
import dev.statecraft.examples.world.ZoneState;
import dev.statecraft.persistence.Persistence;
import dev.statecraft.rules.GameType;

/**
 * The example world's rules with {@link Persistence#defaults()}: every command durable (acknowledged
 * after its events are committed and synced), events kept, a snapshot every 500 events. A zone has no
 * final phase, so players can walk in it for as long as a run lasts.
 */
final class DurableWorld {
    static final GameType<ZoneState, WorldCommand, WorldEvent, WorldView> TYPE =
            GameType.builder("world-durable", World.RULES, ZoneState.class, WorldCommand.class, WorldEvent.class)
                    .persistence(Persistence.defaults())
                    .build();

    private DurableWorld() {
    }
}
