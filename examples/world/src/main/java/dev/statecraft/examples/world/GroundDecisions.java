package dev.statecraft.examples.world;

import dev.statecraft.examples.world.WorldCommand.Drop;
import dev.statecraft.examples.world.WorldCommand.PickUp;
import dev.statecraft.examples.world.WorldEvent.GroundItemsDespawned;
import dev.statecraft.examples.world.WorldEvent.ItemDropped;
import dev.statecraft.examples.world.WorldEvent.ItemPickedUp;
import dev.statecraft.rules.Context;
import dev.statecraft.rules.Decision;
import java.util.List;

/** Items on the ground: dropped by players, picked up by anyone in the same region, gone at their despawn time. */
final class GroundDecisions {
    private GroundDecisions() {
    }

    static Decision<WorldEvent> drop(ZoneState state, PlayerEntity player, Drop command, Context ctx) {
        return HeldItems.withStackIn(player, command.slot(), stack -> {
            if (command.quantity() < 1 || command.quantity() > stack.quantity()) {
                return Refusals.invalidMove("quantity to drop from slot " + command.slot() + " must be 1 to " + stack.quantity()
                        + " (was " + command.quantity() + ")");
            }
            GroundItem dropped = new GroundItem(GroundItem.idFor(ctx.version() + 1, 0), stack.withQuantity(command.quantity()),
                    player.position(), ctx.now().plus(state.settings().despawnAfter()));
            return Decision.accept(new ItemDropped(player.id(), command.slot(), state.settings().regionIdAt(player.position()), dropped));
        });
    }

    static Decision<WorldEvent> pickUp(ZoneState state, PlayerEntity player, PickUp command, Context ctx) {
        Region region = state.regionAt(player.position());
        return region.groundItem(command.groundItemId()).map(item -> {
            if (item.isExpiredAt(ctx.now())) {
                return Refusals.invalidMove("ground item " + item.id() + " despawned at " + item.despawnAt());
            }
            if (player.inventory().plus(item.stack()).isEmpty()) {
                return Refusals.invalidMove("the inventory of player " + player.id() + " has no room for " + item.stack());
            }
            return Decision.<WorldEvent>accept(new ItemPickedUp(player.id(), region.id(), item.id()));
        }).orElseGet(() -> Refusals.invalidMove("no ground item " + command.groundItemId() + " lies in region " + region.id()
                + ", where player " + player.id() + " stands"));
    }

    /** Accepts with no event when nothing has expired, so an idle timer does not grow the history. */
    static Decision<WorldEvent> despawnExpired(ZoneState state, Context ctx) {
        List<String> expired = state.regions().values().stream()
                .flatMap(region -> region.groundItems().values().stream())
                .filter(item -> item.isExpiredAt(ctx.now()))
                .map(GroundItem::id)
                .sorted()
                .toList();
        return expired.isEmpty() ? Decision.accept() : Decision.accept(new GroundItemsDespawned(expired));
    }
}
