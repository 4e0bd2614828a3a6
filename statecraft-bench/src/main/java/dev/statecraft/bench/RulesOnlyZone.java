package dev.statecraft.bench;

import dev.statecraft.examples.world.World;
import dev.statecraft.examples.world.WorldCommand;
import dev.statecraft.examples.world.WorldEvent;
import dev.statecraft.examples.world.ZoneState;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Setup;
import java.util.SplittableRandom;

/** One world zone whose players walk back and forth, each move decided and evolved through the rules alone. */
final class RulesOnlyZone {
    private final DirectGame<ZoneState, WorldCommand, WorldEvent> zone;
    private final ZoneWalk walk;
    private final SplittableRandom random = new SplittableRandom(1);

    RulesOnlyZone(int players) {
        zone = new DirectGame<>("zone", World.RULES, World.RULES.initialState(Setup.empty()));
        String[] playerIds = ZoneWalk.playerIds("zone", players);
        for (String playerId : playerIds) {
            zone.apply(Actor.player(playerId), new WorldCommand.EnterWorld(), random);
        }
        walk = ZoneWalk.of(playerIds, zone.state().settings());
    }

    ZoneState moveOne() {
        ZoneWalk.Step step = walk.next();
        zone.apply(step.actor(), step.move(), random);
        return zone.state();
    }
}
