package dev.statecraft.examples.world;

import java.util.Map;
import java.util.Objects;

/**
 * What can be asked of a zone. {@link EnterWorld} and every {@link ByPlayer} command come from a player
 * acting for themself; {@link ByHost} commands come from the hosting application (combat, loot, timers).
 */
public sealed interface WorldCommand {

    /** Sent by the player they concern; the host may not send them. */
    sealed interface ByPlayer extends WorldCommand {
    }

    /** Sent only by the hosting application. */
    sealed interface ByHost extends WorldCommand {
    }

    /** The sending player appears at the spawn point with full HP and the starting items. */
    record EnterWorld() implements WorldCommand {
    }

    /** The sending player leaves, with everything they carry; their pending trades are dropped. */
    record LeaveWorld() implements ByPlayer {
    }

    /** Walk or run to tile ({@code x}, {@code y}), at most {@value #MAX_STEPS} steps away, diagonals counting as one. */
    record Move(int x, int y) implements ByPlayer {
        public static final int MAX_STEPS = 2;
    }

    /** Eat or drink what lies in inventory {@code slot}. */
    record UseItem(int slot) implements ByPlayer {
    }

    /** Wear what lies in inventory {@code slot}; what was worn there before takes its place in the inventory. */
    record Equip(int slot) implements ByPlayer {
    }

    record Unequip(EquipmentSlot equipmentSlot) implements ByPlayer {
        public Unequip {
            Objects.requireNonNull(equipmentSlot, "equipmentSlot");
        }
    }

    /** Practise {@code skill} once; the XP gained is rolled by the rules. */
    record Train(Skill skill) implements ByPlayer {
        public Train {
            Objects.requireNonNull(skill, "skill");
        }
    }

    /** Put {@code quantity} of inventory {@code slot} on the ground where the player stands. */
    record Drop(int slot, int quantity) implements ByPlayer {
    }

    /** Take a ground item lying in the player's region. */
    record PickUp(String groundItemId) implements ByPlayer {
        public PickUp {
            Objects.requireNonNull(groundItemId, "groundItemId");
        }
    }

    /**
     * Offer {@code toPlayerId} the items in the given inventory slots ({@code give}: slot to quantity) for
     * items of theirs ({@code want}: item id to quantity). Wanted items are named by id because the
     * offering player cannot see the other's inventory.
     */
    record OfferTrade(String toPlayerId, Map<Integer, Integer> give, Map<String, Integer> want) implements ByPlayer {
        public OfferTrade {
            Objects.requireNonNull(toPlayerId, "toPlayerId");
            give = SortedCopy.of(give);
            want = SortedCopy.of(want);
        }
    }

    /** Accept a trade offered to the sending player; both sides' items change hands at once or not at all. */
    record AcceptTrade(String tradeId) implements ByPlayer {
        public AcceptTrade {
            Objects.requireNonNull(tradeId, "tradeId");
        }
    }

    /** Withdraw or decline a trade; either party may. */
    record CancelTrade(String tradeId) implements ByPlayer {
        public CancelTrade {
            Objects.requireNonNull(tradeId, "tradeId");
        }
    }

    /** Combat or the environment hurts {@code playerId}; at 0 HP they die and respawn. */
    record TakeDamage(String playerId, int amount) implements ByHost {
        public TakeDamage {
            Objects.requireNonNull(playerId, "playerId");
        }
    }

    /** Loot: {@code quantity} of {@code itemId} goes into {@code playerId}'s inventory. */
    record GrantItem(String playerId, String itemId, int quantity) implements ByHost {
        public GrantItem {
            Objects.requireNonNull(playerId, "playerId");
            Objects.requireNonNull(itemId, "itemId");
        }
    }

    /** Removes every ground item whose despawn time has come. */
    record DespawnExpired() implements ByHost {
    }
}
