package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.examples.world.WorldCommand.GrantItem;
import dev.statecraft.examples.world.WorldCommand.TakeDamage;
import dev.statecraft.examples.world.WorldCommand.UseItem;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.ReasonCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ItemUseTest {
    private final WorldFixture world = WorldFixture.withPlayers("ann");

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void a_health_potion_heals_and_is_used_up() {
        world.assertAccepted(Actor.host(), new TakeDamage("ann", 50));
        int potion = world.slotOf("ann", ItemCatalog.HEALTH_POTION);

        world.assertAccepted("ann", new UseItem(potion));

        assertThat(world.player("ann").hp()).isEqualTo(80);
        assertThat(world.inventory("ann")).doesNotContainKey(potion);
    }

    @Test
    void healing_stops_at_maximum_hp() {
        world.assertAccepted(Actor.host(), new TakeDamage("ann", 10));

        world.assertAccepted("ann", new UseItem(world.slotOf("ann", ItemCatalog.HEALTH_POTION)));

        assertThat(world.player("ann").hp()).isEqualTo(100);
    }

    @Test
    void eating_one_of_a_stack_leaves_the_rest() {
        world.assertAccepted(Actor.host(), new GrantItem("ann", ItemCatalog.COOKED_SHRIMP, 3));
        world.assertAccepted(Actor.host(), new TakeDamage("ann", 20));

        world.assertAccepted("ann", new UseItem(world.slotOf("ann", ItemCatalog.COOKED_SHRIMP)));

        assertThat(world.player("ann").hp()).isEqualTo(85);
        assertThat(world.player("ann").inventory().count(ItemCatalog.COOKED_SHRIMP)).isEqualTo(2);
    }

    @Test
    void an_item_that_is_not_food_or_drink_cannot_be_used() {
        world.assertRefused("ann", new UseItem(world.slotOf("ann", ItemCatalog.BRONZE_SWORD)), ReasonCode.INVALID_MOVE);
        world.assertRefused("ann", new UseItem(world.slotOf("ann", ItemCatalog.COINS)), ReasonCode.INVALID_MOVE);
    }

    @Test
    void an_empty_or_missing_slot_cannot_be_used() {
        world.assertRefused("ann", new UseItem(20), ReasonCode.INVALID_MOVE);
        world.assertRefused("ann", new UseItem(Inventory.SIZE), ReasonCode.INVALID_MOVE);
        world.assertRefused("ann", new UseItem(-1), ReasonCode.INVALID_MOVE);
    }
}
