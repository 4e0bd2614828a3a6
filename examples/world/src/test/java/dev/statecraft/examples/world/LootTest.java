package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.examples.world.WorldCommand.GrantItem;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.ReasonCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LootTest {
    private final WorldFixture world = WorldFixture.withPlayers("ann", "bob");

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void granted_stackable_items_join_the_stack_already_carried() {
        int coins = world.slotOf("ann", ItemCatalog.COINS);

        world.assertAccepted(Actor.host(), new GrantItem("ann", ItemCatalog.COINS, 100));

        assertThat(world.inventory("ann").get(coins)).isEqualTo(new ItemStack(ItemCatalog.COINS, 125));
        assertThat(world.inventory("ann")).hasSize(ItemCatalog.STARTING_ITEMS.size());
    }

    @Test
    void each_granted_copy_of_an_unstackable_item_takes_a_slot_of_its_own() {
        world.assertAccepted(Actor.host(), new GrantItem("ann", ItemCatalog.COPPER_ORE, 3));

        assertThat(world.inventory("ann")).containsEntry(4, new ItemStack(ItemCatalog.COPPER_ORE, 1))
                .containsEntry(5, new ItemStack(ItemCatalog.COPPER_ORE, 1))
                .containsEntry(6, new ItemStack(ItemCatalog.COPPER_ORE, 1));
    }

    @Test
    void loot_is_granted_by_the_host_only() {
        world.assertRefused("ann", new GrantItem("ann", ItemCatalog.COINS, 1_000), ReasonCode.WRONG_SEAT);
        world.assertRefused("bob", new GrantItem("ann", ItemCatalog.COINS, 1_000), ReasonCode.WRONG_SEAT);
    }

    @Test
    void loot_for_a_player_not_in_the_zone_names_an_unknown_player() {
        world.assertRefused(Actor.host(), new GrantItem("zed", ItemCatalog.COINS, 1), ReasonCode.UNKNOWN_PLAYER);
    }

    @Test
    void loot_must_be_a_catalog_item_in_a_positive_quantity() {
        world.assertRefused(Actor.host(), new GrantItem("ann", "dragon-sword", 1), ReasonCode.INVALID_MOVE);
        world.assertRefused(Actor.host(), new GrantItem("ann", ItemCatalog.COINS, 0), ReasonCode.INVALID_MOVE);
    }

    @Test
    void a_stack_never_grows_past_its_maximum_quantity() {
        world.assertRefused(Actor.host(), new GrantItem("ann", ItemCatalog.COINS, ItemStack.MAX_QUANTITY), ReasonCode.INVALID_MOVE);
    }
}
