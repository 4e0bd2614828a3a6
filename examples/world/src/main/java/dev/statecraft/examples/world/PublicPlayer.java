package dev.statecraft.examples.world;

import java.util.Map;

/** What anyone in or watching the zone sees of a player: never their inventory or skill XP. */
public record PublicPlayer(String id, Position position, int hp, int maxHp, Map<EquipmentSlot, String> equipment, int combatLevel) {

    public PublicPlayer {
        equipment = SortedCopy.of(equipment);
    }

    public static PublicPlayer of(PlayerEntity player) {
        return new PublicPlayer(player.id(), player.position(), player.hp(), player.maxHp(), player.equipment().worn(),
                player.skills().combatLevel());
    }
}
