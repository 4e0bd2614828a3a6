package dev.statecraft.examples.world;

import java.util.List;
import java.util.Objects;

/** What happened in a zone; the only thing that changes a {@link ZoneState}. */
public sealed interface WorldEvent {

    record PlayerEntered(String playerId, Position at, List<ItemStack> startingItems) implements WorldEvent {
        public PlayerEntered {
            startingItems = List.copyOf(startingItems);
        }
    }

    record PlayerLeft(String playerId) implements WorldEvent {
    }

    record PlayerMoved(String playerId, Position to) implements WorldEvent {
    }

    /** {@code damage} is what the player actually lost, never more than the HP they had. */
    record DamageTaken(String playerId, int damage) implements WorldEvent {
    }

    /** The player reached 0 HP and is back at {@code respawnAt} with full HP, keeping what they carry. */
    record PlayerDied(String playerId, Position respawnAt) implements WorldEvent {
    }

    record ItemConsumed(String playerId, int slot, String itemId, int healed) implements WorldEvent {
    }

    /** The item in inventory {@code slot} is now worn; whatever was worn in that equipment slot is now in {@code slot}. */
    record ItemEquipped(String playerId, int slot, EquipmentSlot equipmentSlot, String itemId) implements WorldEvent {
    }

    record ItemUnequipped(String playerId, EquipmentSlot equipmentSlot, String itemId) implements WorldEvent {
    }

    record SkillTrained(String playerId, Skill skill, int xpGained) implements WorldEvent {
    }

    record ItemGranted(String playerId, ItemStack stack) implements WorldEvent {
    }

    record ItemDropped(String playerId, int slot, String regionId, GroundItem groundItem) implements WorldEvent {
    }

    record ItemPickedUp(String playerId, String regionId, String groundItemId) implements WorldEvent {
    }

    record GroundItemsDespawned(List<String> groundItemIds) implements WorldEvent {
        public GroundItemsDespawned {
            groundItemIds = List.copyOf(groundItemIds);
        }
    }

    record TradeOffered(Trade trade) implements WorldEvent {
        public TradeOffered {
            Objects.requireNonNull(trade, "trade");
        }
    }

    record TradeCompleted(String tradeId) implements WorldEvent {
    }

    record TradeCancelled(String tradeId) implements WorldEvent {
    }
}
