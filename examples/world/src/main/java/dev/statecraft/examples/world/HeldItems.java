package dev.statecraft.examples.world;

import dev.statecraft.rules.Decision;
import java.util.function.Function;

/** Commands that name an inventory slot are decided with what lies in it, and refused when it is empty. */
final class HeldItems {
    private HeldItems() {
    }

    static Decision<WorldEvent> withStackIn(PlayerEntity player, int slot, Function<ItemStack, Decision<WorldEvent>> decide) {
        if (!Inventory.isSlot(slot)) {
            return Refusals.invalidMove("inventory slot must be 0 to " + (Inventory.SIZE - 1) + " (was " + slot + ")");
        }
        return player.inventory().at(slot).map(decide)
                .orElseGet(() -> Refusals.invalidMove("inventory slot " + slot + " of player " + player.id() + " is empty"));
    }
}
