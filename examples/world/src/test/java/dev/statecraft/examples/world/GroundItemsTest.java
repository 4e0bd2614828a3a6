package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.examples.world.WorldCommand.DespawnExpired;
import dev.statecraft.examples.world.WorldCommand.Drop;
import dev.statecraft.examples.world.WorldCommand.Move;
import dev.statecraft.examples.world.WorldCommand.PickUp;
import dev.statecraft.examples.world.WorldEvent.GroundItemsDespawned;
import dev.statecraft.engine.RecordedEvent;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.ReasonCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroundItemsTest {
    private final WorldFixture world = WorldFixture.withPlayers("ann", "bob");

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void a_dropped_item_lies_where_the_player_stands_until_its_despawn_time() {
        int coins = world.slotOf("ann", ItemCatalog.COINS);

        var accepted = world.assertAccepted("ann", new Drop(coins, 10));

        GroundItem dropped = world.state().requireRegion("r-2-2").groundItem(GroundItem.idFor(accepted.version(), 0)).orElseThrow();
        assertThat(dropped.stack()).isEqualTo(new ItemStack(ItemCatalog.COINS, 10));
        assertThat(dropped.position()).isEqualTo(new Position(32, 32));
        assertThat(dropped.despawnAt()).isEqualTo(world.clock.instant().plusSeconds(120));
        assertThat(world.inventory("ann").get(coins)).isEqualTo(new ItemStack(ItemCatalog.COINS, 15));
    }

    @Test
    void another_player_in_the_same_region_picks_a_dropped_item_up() {
        world.assertAccepted("ann", new Drop(world.slotOf("ann", ItemCatalog.BRONZE_SWORD), 1));
        String sword = onlyGroundItem();
        world.assertAccepted("bob", new Move(33, 33));

        world.assertAccepted("bob", new PickUp(sword));

        assertThat(world.groundItems()).isEmpty();
        assertThat(world.player("bob").inventory().count(ItemCatalog.BRONZE_SWORD)).isEqualTo(2);
        assertThat(world.player("ann").inventory().count(ItemCatalog.BRONZE_SWORD)).isZero();
    }

    @Test
    void an_item_in_another_region_cannot_be_picked_up() {
        world.assertAccepted("ann", new Drop(world.slotOf("ann", ItemCatalog.BRONZE_SWORD), 1));
        world.assertAccepted("bob", new Move(31, 31));

        world.assertRefused("bob", new PickUp(onlyGroundItem()), ReasonCode.INVALID_MOVE);
        world.assertRefused("bob", new PickUp("g-999-0"), ReasonCode.INVALID_MOVE);
    }

    @Test
    void more_than_the_slot_holds_cannot_be_dropped() {
        int coins = world.slotOf("ann", ItemCatalog.COINS);

        world.assertRefused("ann", new Drop(coins, 26), ReasonCode.INVALID_MOVE);
        world.assertRefused("ann", new Drop(coins, 0), ReasonCode.INVALID_MOVE);
        world.assertRefused("ann", new Drop(20, 1), ReasonCode.INVALID_MOVE);
    }

    @Test
    void an_item_past_its_despawn_time_can_no_longer_be_picked_up() {
        world.assertAccepted("ann", new Drop(world.slotOf("ann", ItemCatalog.COINS), 5));
        String coins = onlyGroundItem();

        world.advance(Duration.ofSeconds(120));

        world.assertRefused("bob", new PickUp(coins), ReasonCode.INVALID_MOVE);
    }

    @Test
    void despawning_removes_every_expired_item_and_lists_them_in_its_event() {
        var first = world.assertAccepted("ann", new Drop(world.slotOf("ann", ItemCatalog.COINS), 5));
        var second = world.assertAccepted("bob", new Drop(world.slotOf("bob", ItemCatalog.WOODEN_SHIELD), 1));
        world.advance(Duration.ofSeconds(60));
        var third = world.assertAccepted("bob", new Drop(world.slotOf("bob", ItemCatalog.BRONZE_SWORD), 1));
        world.advance(Duration.ofSeconds(61));

        var despawned = world.assertAccepted(Actor.host(), new DespawnExpired());

        RecordedEvent event = world.engine.events(WorldFixture.GAME, despawned.version(), despawned.version()).getFirst();
        assertThat(event.event()).isEqualTo(new GroundItemsDespawned(List.of(
                GroundItem.idFor(first.version(), 0), GroundItem.idFor(second.version(), 0))));
        assertThat(world.groundItems()).containsOnlyKeys(GroundItem.idFor(third.version(), 0));
    }

    @Test
    void despawning_with_nothing_expired_is_accepted_and_changes_nothing() {
        world.assertAccepted("ann", new Drop(world.slotOf("ann", ItemCatalog.COINS), 5));
        world.advance(Duration.ofSeconds(119));
        var before = world.versioned();

        var accepted = world.assertAccepted(Actor.host(), new DespawnExpired());

        assertThat(accepted.eventCount()).isZero();
        assertThat(world.versioned()).isEqualTo(before);
    }

    @Test
    void despawning_is_for_the_host_only() {
        world.assertRefused("ann", new DespawnExpired(), ReasonCode.WRONG_SEAT);
    }

    private String onlyGroundItem() {
        assertThat(world.groundItems()).hasSize(1);
        return world.groundItems().keySet().iterator().next();
    }
}
