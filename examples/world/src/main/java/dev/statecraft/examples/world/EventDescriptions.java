package dev.statecraft.examples.world;

import dev.statecraft.examples.world.WorldEvent.DamageTaken;
import dev.statecraft.examples.world.WorldEvent.GroundItemsDespawned;
import dev.statecraft.examples.world.WorldEvent.ItemConsumed;
import dev.statecraft.examples.world.WorldEvent.ItemDropped;
import dev.statecraft.examples.world.WorldEvent.ItemEquipped;
import dev.statecraft.examples.world.WorldEvent.ItemGranted;
import dev.statecraft.examples.world.WorldEvent.ItemPickedUp;
import dev.statecraft.examples.world.WorldEvent.ItemUnequipped;
import dev.statecraft.examples.world.WorldEvent.PlayerDied;
import dev.statecraft.examples.world.WorldEvent.PlayerEntered;
import dev.statecraft.examples.world.WorldEvent.PlayerLeft;
import dev.statecraft.examples.world.WorldEvent.PlayerMoved;
import dev.statecraft.examples.world.WorldEvent.SkillTrained;
import dev.statecraft.examples.world.WorldEvent.TradeCancelled;
import dev.statecraft.examples.world.WorldEvent.TradeCompleted;
import dev.statecraft.examples.world.WorldEvent.TradeOffered;

/** One short sentence per event, for transcripts and logs. */
public final class EventDescriptions {
    private EventDescriptions() {
    }

    public static String describe(WorldEvent event) {
        return switch (event) {
            case PlayerEntered e -> e.playerId() + " entered at " + e.at();
            case PlayerLeft e -> e.playerId() + " left";
            case PlayerMoved e -> e.playerId() + " moved to " + e.to();
            case DamageTaken e -> e.playerId() + " lost " + e.damage() + " HP";
            case PlayerDied e -> e.playerId() + " died and respawned at " + e.respawnAt();
            case ItemConsumed e -> e.playerId() + " used " + e.itemId() + ", healing " + e.healed() + " HP";
            case ItemEquipped e -> e.playerId() + " wears " + e.itemId() + " (" + e.equipmentSlot() + ")";
            case ItemUnequipped e -> e.playerId() + " took off " + e.itemId();
            case SkillTrained e -> e.playerId() + " gained " + e.xpGained() + " " + e.skill() + " XP";
            case ItemGranted e -> e.playerId() + " received " + e.stack();
            case ItemDropped e -> e.playerId() + " dropped " + e.groundItem().stack() + " as " + e.groundItem().id() + " in " + e.regionId();
            case ItemPickedUp e -> e.playerId() + " picked up " + e.groundItemId();
            case GroundItemsDespawned e -> "despawned " + e.groundItemIds();
            case TradeOffered e -> "trade " + e.trade().id() + ": " + e.trade().fromPlayerId() + " offers " + e.trade().give()
                    + " to " + e.trade().toPlayerId() + " for " + e.trade().want();
            case TradeCompleted e -> "trade " + e.tradeId() + " completed";
            case TradeCancelled e -> "trade " + e.tradeId() + " cancelled";
        };
    }
}
