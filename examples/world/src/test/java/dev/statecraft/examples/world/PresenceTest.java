package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.examples.world.WorldCommand.EnterWorld;
import dev.statecraft.examples.world.WorldCommand.LeaveWorld;
import dev.statecraft.examples.world.WorldCommand.Move;
import dev.statecraft.examples.world.WorldCommand.OfferTrade;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.ReasonCode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PresenceTest {
    private final WorldFixture world = WorldFixture.create();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void an_entering_player_appears_at_the_spawn_point_with_full_hp_and_the_starting_items() {
        var accepted = world.assertAccepted("ann", new EnterWorld());

        PlayerEntity ann = world.player("ann");
        assertThat(accepted.version()).isEqualTo(1);
        assertThat(ann.position()).isEqualTo(new Position(32, 32));
        assertThat(ann.hp()).isEqualTo(100).isEqualTo(ann.maxHp());
        assertThat(ann.inventory().slots().values()).containsExactlyElementsOf(ItemCatalog.STARTING_ITEMS);
        assertThat(ann.equipment().worn()).isEmpty();
        assertThat(ann.skills().xp()).isEmpty();
    }

    @Test
    void a_player_already_in_the_zone_cannot_enter_again() {
        world.assertAccepted("ann", new EnterWorld());

        world.assertRefused("ann", new EnterWorld(), ReasonCode.INVALID_MOVE);
    }

    @Test
    void the_host_cannot_enter_the_world_as_a_player() {
        world.assertRefused(Actor.host(), new EnterWorld(), ReasonCode.WRONG_SEAT);
    }

    @Test
    void a_leaving_player_is_gone_together_with_their_pending_trades() {
        world.assertAccepted("ann", new EnterWorld());
        world.assertAccepted("bob", new EnterWorld());
        world.assertAccepted("ann", new OfferTrade("bob", Map.of(0, 1), Map.of()));

        world.assertAccepted("bob", new LeaveWorld());

        assertThat(world.state().players()).containsOnlyKeys("ann");
        assertThat(world.state().trades()).isEmpty();
    }

    @Test
    void a_player_who_left_is_unknown_to_the_zone() {
        world.assertAccepted("ann", new EnterWorld());
        world.assertAccepted("ann", new LeaveWorld());

        world.assertRefused("ann", new Move(33, 32), ReasonCode.UNKNOWN_PLAYER);
        world.assertRefused("ann", new LeaveWorld(), ReasonCode.UNKNOWN_PLAYER);
    }

    @Test
    void a_player_who_comes_back_starts_afresh() {
        world.assertAccepted("ann", new EnterWorld());
        world.assertAccepted("ann", new Move(33, 33));
        world.assertAccepted("ann", new LeaveWorld());

        world.assertAccepted("ann", new EnterWorld());

        assertThat(world.player("ann").position()).isEqualTo(new Position(32, 32));
    }
}
