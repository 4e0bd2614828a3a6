package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.examples.world.WorldCommand.Drop;
import dev.statecraft.examples.world.WorldCommand.GrantItem;
import dev.statecraft.examples.world.WorldCommand.PickUp;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.ReasonCode;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InventoryCapacityTest {
    private final WorldFixture world = WorldFixture.withPlayers("ann", "bob");

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void an_inventory_has_exactly_28_slots() {
        int free = world.player("ann").inventory().freeSlots();
        assertThat(free + ItemCatalog.STARTING_ITEMS.size()).isEqualTo(28);

        world.assertAccepted(Actor.host(), new GrantItem("ann", ItemCatalog.COPPER_ORE, free));

        assertThat(world.inventory("ann")).containsOnlyKeys(IntStream.range(0, 28).boxed().toList());
        world.assertRefused(Actor.host(), new GrantItem("ann", ItemCatalog.COPPER_ORE, 1), ReasonCode.INVALID_MOVE);
        world.assertRefused(Actor.host(), new GrantItem("ann", ItemCatalog.FEATHER, 1), ReasonCode.INVALID_MOVE);
    }

    @Test
    void more_copies_than_free_slots_are_refused_whole() {
        world.assertRefused(Actor.host(), new GrantItem("ann", ItemCatalog.COPPER_ORE, 25), ReasonCode.INVALID_MOVE);
    }

    @Test
    void a_full_inventory_still_takes_more_of_a_stack_it_holds() {
        world.assertAccepted(Actor.host(), new GrantItem("ann", ItemCatalog.COPPER_ORE, world.player("ann").inventory().freeSlots()));

        world.assertAccepted(Actor.host(), new GrantItem("ann", ItemCatalog.COINS, 5));

        assertThat(world.player("ann").inventory().count(ItemCatalog.COINS)).isEqualTo(30);
    }

    @Test
    void a_full_inventory_refuses_pickups() {
        world.assertAccepted("bob", new Drop(world.slotOf("bob", ItemCatalog.BRONZE_SWORD), 1));
        String sword = world.groundItems().keySet().iterator().next();
        world.assertAccepted(Actor.host(), new GrantItem("ann", ItemCatalog.COPPER_ORE, world.player("ann").inventory().freeSlots()));

        var rejected = world.assertRefused("ann", new PickUp(sword), ReasonCode.INVALID_MOVE);

        assertThat(rejected.message()).contains("no room");
        assertThat(world.groundItems()).containsKey(sword);
    }
}
