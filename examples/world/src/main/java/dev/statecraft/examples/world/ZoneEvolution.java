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
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Applies one event to a zone. Events are facts already checked by {@code decide}; an event that does
 * not fit the state (a replayed history from a different rule set, say) fails loudly instead of guessing.
 */
final class ZoneEvolution {
    private ZoneEvolution() {
    }

    static ZoneState apply(ZoneState state, WorldEvent event) {
        return switch (event) {
            case PlayerEntered e -> state.withPlayer(PlayerEntity.arriving(e.playerId(), e.at(), e.startingItems()));
            case PlayerLeft e -> state.withoutPlayer(e.playerId());
            case PlayerMoved e -> update(state, e.playerId(), p -> p.withPosition(e.to()));
            case DamageTaken e -> update(state, e.playerId(), p -> p.withHp(p.hp() - e.damage()));
            case PlayerDied e -> update(state, e.playerId(), p -> p.withPosition(e.respawnAt()).withHp(p.maxHp()));
            case ItemConsumed e -> update(state, e.playerId(),
                    p -> p.withInventory(take(p, e.slot(), e.itemId(), 1)).withHp(p.hp() + e.healed()));
            case ItemEquipped e -> update(state, e.playerId(), p -> equip(p, e));
            case ItemUnequipped e -> update(state, e.playerId(), p -> p
                    .withEquipment(p.equipment().without(e.equipmentSlot()))
                    .withInventory(give(p, new ItemStack(e.itemId(), 1))));
            case SkillTrained e -> update(state, e.playerId(), p -> p.withSkills(p.skills().plus(e.skill(), e.xpGained())));
            case ItemGranted e -> update(state, e.playerId(), p -> p.withInventory(give(p, e.stack())));
            case ItemDropped e -> update(state, e.playerId(),
                    p -> p.withInventory(take(p, e.slot(), e.groundItem().stack().itemId(), e.groundItem().stack().quantity())))
                    .withRegion(state.requireRegion(e.regionId()).withGroundItem(e.groundItem()));
            case ItemPickedUp e -> pickUp(state, e);
            case GroundItemsDespawned e -> despawn(state, Set.copyOf(e.groundItemIds()));
            case TradeOffered e -> state.withTrade(e.trade());
            case TradeCompleted e -> completeTrade(state, e.tradeId());
            case TradeCancelled e -> state.withoutTrade(e.tradeId());
        };
    }

    private static ZoneState update(ZoneState state, String playerId, UnaryOperator<PlayerEntity> change) {
        return state.withPlayer(change.apply(state.requirePlayer(playerId)));
    }

    private static PlayerEntity equip(PlayerEntity player, ItemEquipped e) {
        Inventory inventory = take(player, e.slot(), e.itemId(), 1);
        Inventory swapped = player.equipment().in(e.equipmentSlot())
                .map(previous -> inventory.withSlot(e.slot(), new ItemStack(previous, 1)))
                .orElse(inventory);
        return player.withInventory(swapped).withEquipment(player.equipment().wearing(e.equipmentSlot(), e.itemId()));
    }

    private static ZoneState pickUp(ZoneState state, ItemPickedUp e) {
        Region region = state.requireRegion(e.regionId());
        GroundItem item = region.groundItem(e.groundItemId()).orElseThrow(() -> new IllegalStateException(
                "ground item " + e.groundItemId() + " is not in region " + e.regionId()));
        return update(state, e.playerId(), p -> p.withInventory(give(p, item.stack())))
                .withRegion(region.withoutGroundItem(item.id()));
    }

    private static ZoneState despawn(ZoneState state, Set<String> groundItemIds) {
        ZoneState result = state;
        for (Region region : state.regions().values()) {
            Region remaining = region;
            for (String id : region.groundItems().keySet()) {
                if (groundItemIds.contains(id)) {
                    remaining = remaining.withoutGroundItem(id);
                }
            }
            if (remaining != region) {
                result = result.withRegion(remaining);
            }
        }
        return result;
    }

    private static ZoneState completeTrade(ZoneState state, String tradeId) {
        Trade trade = state.trade(tradeId).orElseThrow(() -> new IllegalStateException("no trade " + tradeId + " is pending"));
        PlayerEntity offering = state.requirePlayer(trade.fromPlayerId());
        PlayerEntity accepting = state.requirePlayer(trade.toPlayerId());
        return switch (TradeSettlement.of(trade, offering, accepting)) {
            case TradeSettlement.Settled settled -> state
                    .withPlayer(offering.withInventory(settled.offering()))
                    .withPlayer(accepting.withInventory(settled.accepting()))
                    .withoutTrade(tradeId);
            case TradeSettlement.Unsettled unsettled -> throw new IllegalStateException("trade " + tradeId + " cannot be completed: " + unsettled.reason());
        };
    }

    private static Inventory take(PlayerEntity player, int slot, String itemId, int quantity) {
        String held = player.inventory().at(slot).map(ItemStack::itemId).orElse("nothing");
        if (!held.equals(itemId)) {
            throw new IllegalStateException("player " + player.id() + ": inventory slot " + slot + " holds " + held + ", not " + itemId);
        }
        return player.inventory().minus(slot, quantity);
    }

    private static Inventory give(PlayerEntity player, ItemStack stack) {
        return player.inventory().plus(stack).orElseThrow(() -> new IllegalStateException(
                "player " + player.id() + " has no room for " + stack));
    }
}
