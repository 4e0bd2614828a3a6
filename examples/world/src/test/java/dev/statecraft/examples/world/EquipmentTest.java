package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.examples.world.WorldCommand.Equip;
import dev.statecraft.examples.world.WorldCommand.GrantItem;
import dev.statecraft.examples.world.WorldCommand.Unequip;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.ReasonCode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EquipmentTest {
    private final WorldFixture world = WorldFixture.withPlayers("ann");

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void equipping_moves_an_item_from_the_inventory_to_its_equipment_slot() {
        int sword = world.slotOf("ann", ItemCatalog.BRONZE_SWORD);

        world.assertAccepted("ann", new Equip(sword));

        assertThat(world.player("ann").equipment().worn()).containsExactlyEntriesOf(Map.of(EquipmentSlot.WEAPON, ItemCatalog.BRONZE_SWORD));
        assertThat(world.inventory("ann")).doesNotContainKey(sword);
    }

    @Test
    void equipping_over_a_worn_item_swaps_them() {
        world.assertAccepted("ann", new Equip(world.slotOf("ann", ItemCatalog.BRONZE_SWORD)));
        world.assertAccepted(Actor.host(), new GrantItem("ann", ItemCatalog.IRON_SWORD, 1));
        int iron = world.slotOf("ann", ItemCatalog.IRON_SWORD);

        world.assertAccepted("ann", new Equip(iron));

        assertThat(world.player("ann").equipment().in(EquipmentSlot.WEAPON)).contains(ItemCatalog.IRON_SWORD);
        assertThat(world.inventory("ann").get(iron)).isEqualTo(new ItemStack(ItemCatalog.BRONZE_SWORD, 1));
    }

    @Test
    void unequipping_puts_the_item_back_into_the_inventory() {
        world.assertAccepted("ann", new Equip(world.slotOf("ann", ItemCatalog.WOODEN_SHIELD)));

        world.assertAccepted("ann", new Unequip(EquipmentSlot.SHIELD));

        assertThat(world.player("ann").equipment().worn()).isEmpty();
        assertThat(world.player("ann").inventory().count(ItemCatalog.WOODEN_SHIELD)).isEqualTo(1);
    }

    @Test
    void nothing_can_be_unequipped_from_an_empty_slot() {
        world.assertRefused("ann", new Unequip(EquipmentSlot.HEAD), ReasonCode.INVALID_MOVE);
    }

    @Test
    void unequipping_needs_a_free_inventory_slot() {
        world.assertAccepted("ann", new Equip(world.slotOf("ann", ItemCatalog.WOODEN_SHIELD)));
        world.assertAccepted(Actor.host(), new GrantItem("ann", ItemCatalog.COPPER_ORE, world.player("ann").inventory().freeSlots()));

        var rejected = world.assertRefused("ann", new Unequip(EquipmentSlot.SHIELD), ReasonCode.INVALID_MOVE);

        assertThat(rejected.message()).contains("full");
    }

    @Test
    void only_wearable_items_can_be_equipped() {
        world.assertRefused("ann", new Equip(world.slotOf("ann", ItemCatalog.HEALTH_POTION)), ReasonCode.INVALID_MOVE);
        world.assertRefused("ann", new Equip(world.slotOf("ann", ItemCatalog.COINS)), ReasonCode.INVALID_MOVE);
        world.assertRefused("ann", new Equip(27), ReasonCode.INVALID_MOVE);
    }
}
