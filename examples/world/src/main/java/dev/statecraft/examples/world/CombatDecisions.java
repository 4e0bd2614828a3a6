package dev.statecraft.examples.world;

import dev.statecraft.examples.world.WorldCommand.TakeDamage;
import dev.statecraft.examples.world.WorldEvent.DamageTaken;
import dev.statecraft.examples.world.WorldEvent.PlayerDied;
import dev.statecraft.rules.Decision;

/**
 * Damage dealt by the host application's combat. A player brought to 0 HP dies and respawns at once at
 * the spawn point with full HP, keeping inventory and equipment, so no state ever holds a dead player.
 */
final class CombatDecisions {
    private CombatDecisions() {
    }

    static Decision<WorldEvent> takeDamage(ZoneState state, PlayerEntity player, TakeDamage command) {
        if (command.amount() < 1) {
            return Refusals.invalidMove("damage must be > 0 (was " + command.amount() + ")");
        }
        int damage = Math.min(command.amount(), player.hp());
        DamageTaken taken = new DamageTaken(player.id(), damage);
        if (damage < player.hp()) {
            return Decision.accept(taken);
        }
        return Decision.accept(taken, new PlayerDied(player.id(), state.settings().spawn()));
    }
}
