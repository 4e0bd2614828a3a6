package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.examples.world.WorldCommand.Drop;
import dev.statecraft.examples.world.WorldCommand.Equip;
import dev.statecraft.examples.world.WorldCommand.EnterWorld;
import dev.statecraft.examples.world.WorldCommand.Move;
import dev.statecraft.examples.world.WorldCommand.OfferTrade;
import dev.statecraft.examples.world.WorldCommand.Train;
import dev.statecraft.examples.world.WorldView.PlayerView;
import dev.statecraft.examples.world.WorldView.SpectatorView;
import dev.statecraft.rules.Seat;
import dev.statecraft.rules.Setup;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ViewsTest {
    private final WorldFixture world = WorldFixture.create(Setup.of("width", "12", "height", "12", "regionSize", "2"));

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void a_player_sees_themself_in_full_and_the_others_public_side_only() {
        enter("ann", "bob");
        world.assertAccepted("bob", new Equip(world.slotOf("bob", ItemCatalog.BRONZE_SWORD)));
        world.assertAccepted("bob", new Train(Skill.ATTACK));

        PlayerView view = (PlayerView) world.view(Seat.player("ann"));

        assertThat(view.self()).isEqualTo(world.player("ann"));
        PlayerEntity bob = world.player("bob");
        assertThat(view.others()).containsExactly(new PublicPlayer("bob", bob.position(), bob.hp(), bob.maxHp(),
                Map.of(EquipmentSlot.WEAPON, ItemCatalog.BRONZE_SWORD), 1));
    }

    @Test
    void a_spectator_sees_every_player_s_public_side_and_every_ground_item() {
        enter("ann", "bob");
        world.assertAccepted("ann", new Drop(world.slotOf("ann", ItemCatalog.COINS), 1));
        walk("bob", 10, 10);
        world.assertAccepted("bob", new Drop(world.slotOf("bob", ItemCatalog.COINS), 1));
        world.assertAccepted("ann", new OfferTrade("bob", Map.of(0, 1), Map.of()));

        SpectatorView view = (SpectatorView) world.view(Seat.spectator());

        assertThat(view.players()).extracting(PublicPlayer::id).containsExactly("ann", "bob");
        assertThat(view.groundItems()).hasSize(2);
    }

    @Test
    void a_player_sees_the_ground_items_of_their_own_and_the_neighbouring_regions_only() {
        enter("ann", "bob");
        world.assertAccepted("ann", new Drop(world.slotOf("ann", ItemCatalog.COINS), 1));
        walk("bob", 10, 10);
        world.assertAccepted("bob", new Drop(world.slotOf("bob", ItemCatalog.COINS), 1));
        String bobs = "g-" + world.versioned().version() + "-0";

        assertThat(((PlayerView) world.view(Seat.player("ann"))).groundItems()).extracting(GroundItem::id).doesNotContain(bobs).hasSize(1);
        assertThat(((PlayerView) world.view(Seat.player("bob"))).groundItems()).extracting(GroundItem::id).containsExactly(bobs);
        walk("bob", 8, 8);
        assertThat(((PlayerView) world.view(Seat.player("bob"))).groundItems()).hasSize(2);
    }

    @Test
    void trades_are_shown_to_their_parties_only() {
        enter("ann", "bob", "cy");
        world.assertAccepted("ann", new OfferTrade("bob", Map.of(0, 1), Map.of()));

        assertThat(((PlayerView) world.view(Seat.player("ann"))).trades()).hasSize(1);
        assertThat(((PlayerView) world.view(Seat.player("bob"))).trades()).hasSize(1);
        assertThat(((PlayerView) world.view(Seat.player("cy"))).trades()).isEmpty();
    }

    @Test
    void a_player_seat_whose_player_is_not_in_the_zone_sees_what_a_spectator_sees() {
        enter("ann");

        assertThat(world.view(Seat.player("zed"))).isEqualTo(world.view(Seat.spectator()));
    }

    private void enter(String... playerIds) {
        for (String id : playerIds) {
            world.assertAccepted(id, new EnterWorld());
        }
    }

    /** Moves {@code playerId} step by step, running where it can, to ({@code x}, {@code y}). */
    private void walk(String playerId, int x, int y) {
        Position at = world.player(playerId).position();
        while (!at.equals(new Position(x, y))) {
            int nextX = at.x() + Math.clamp(x - at.x(), -2, 2);
            int nextY = at.y() + Math.clamp(y - at.y(), -2, 2);
            world.assertAccepted(playerId, new Move(nextX, nextY));
            at = world.player(playerId).position();
        }
    }
}
