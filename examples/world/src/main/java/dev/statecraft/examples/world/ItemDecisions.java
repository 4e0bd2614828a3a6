package dev.statecraft.examples.world;

import dev.statecraft.examples.world.WorldCommand.Equip;
import dev.statecraft.examples.world.WorldCommand.GrantItem;
import dev.statecraft.examples.world.WorldCommand.Unequip;
import dev.statecraft.examples.world.WorldCommand.UseItem;
import dev.statecraft.examples.world.WorldEvent.ItemConsumed;
import dev.statecraft.examples.world.WorldEvent.ItemEquipped;
import dev.statecraft.examples.world.WorldEvent.ItemGranted;
import dev.statecraft.examples.world.WorldEvent.ItemUnequipped;
import dev.statecraft.rules.Decision;

/** Using, wearing and receiving items. */
final class ItemDecisions {
    private ItemDecisions() {
    }

    static Decision<WorldEvent> use(PlayerEntity player, UseItem command) {
        return HeldItems.withStackIn(player, command.slot(), stack -> {
            Item item = ItemCatalog.get(stack.itemId());
            return switch (item.use()) {
                case Item.Consumable consumable -> Decision.accept(new ItemConsumed(
                        player.id(), command.slot(), item.id(), Math.min(consumable.heal(), player.maxHp() - player.hp())));
                case Item.Wearable wearable -> Refusals.invalidMove(item.name() + " is worn with Equip, not used");
                case Item.Material material -> Refusals.invalidMove(item.name() + " cannot be used");
            };
        });
    }

    static Decision<WorldEvent> equip(PlayerEntity player, Equip command) {
        return HeldItems.withStackIn(player, command.slot(), stack -> {
            Item item = ItemCatalog.get(stack.itemId());
            return switch (item.use()) {
                case Item.Wearable wearable -> Decision.accept(new ItemEquipped(player.id(), command.slot(), wearable.slot(), item.id()));
                case Item.Consumable consumable -> Refusals.invalidMove(item.name() + " cannot be worn");
                case Item.Material material -> Refusals.invalidMove(item.name() + " cannot be worn");
            };
        });
    }

    static Decision<WorldEvent> unequip(PlayerEntity player, Unequip command) {
        return player.equipment().in(command.equipmentSlot())
                .map(itemId -> player.inventory().plus(new ItemStack(itemId, 1)).isPresent()
                        ? Decision.<WorldEvent>accept(new ItemUnequipped(player.id(), command.equipmentSlot(), itemId))
                        : Refusals.invalidMove("the inventory of player " + player.id() + " is full"))
                .orElseGet(() -> Refusals.invalidMove("player " + player.id() + " wears nothing in " + command.equipmentSlot()));
    }

    static Decision<WorldEvent> grant(PlayerEntity player, GrantItem command) {
        if (ItemCatalog.find(command.itemId()).isEmpty()) {
            return Refusals.invalidMove("there is no item " + command.itemId() + " in the catalog");
        }
        if (command.quantity() < 1 || command.quantity() > ItemStack.MAX_QUANTITY) {
            return Refusals.invalidMove("quantity must be 1 to " + ItemStack.MAX_QUANTITY + " (was " + command.quantity() + ")");
        }
        ItemStack stack = new ItemStack(command.itemId(), command.quantity());
        if (player.inventory().plus(stack).isEmpty()) {
            return Refusals.invalidMove("the inventory of player " + player.id() + " has no room for " + stack);
        }
        return Decision.accept(new ItemGranted(player.id(), stack));
    }
}
