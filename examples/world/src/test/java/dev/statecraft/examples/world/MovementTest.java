package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.examples.world.WorldCommand.Move;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.ReasonCode;
import dev.statecraft.rules.Setup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MovementTest {
    private final WorldFixture world = WorldFixture.withPlayers("ann");

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void a_player_walks_one_step_to_an_adjacent_tile() {
        world.assertAccepted("ann", new Move(33, 31));

        assertThat(world.player("ann").position()).isEqualTo(new Position(33, 31));
    }

    @Test
    void a_player_runs_up_to_two_tiles_in_one_move() {
        world.assertAccepted("ann", new Move(34, 30));

        assertThat(world.player("ann").position()).isEqualTo(new Position(34, 30));
    }

    @Test
    void a_move_of_more_than_two_tiles_is_an_invalid_move() {
        var rejected = world.assertRefused("ann", new Move(35, 32), ReasonCode.INVALID_MOVE);

        assertThat(rejected.message()).contains("3 steps", "at most 2");
    }

    @Test
    void a_move_onto_the_tile_the_player_stands_on_is_an_invalid_move() {
        world.assertRefused("ann", new Move(32, 32), ReasonCode.INVALID_MOVE);
    }

    @Test
    void a_move_off_the_map_is_an_invalid_move() {
        try (WorldFixture small = WorldFixture.create(Setup.of("width", "4", "height", "4", "regionSize", "2"))) {
            small.assertAccepted("ann", new WorldCommand.EnterWorld());
            small.assertAccepted("ann", new Move(3, 3));

            var rejected = small.assertRefused("ann", new Move(4, 3), ReasonCode.INVALID_MOVE);
            small.assertRefused("ann", new Move(3, -1), ReasonCode.INVALID_MOVE);

            assertThat(rejected.message()).contains("outside the 4x4 zone");
        }
    }

    @Test
    void a_player_not_in_the_zone_cannot_move() {
        world.assertRefused("zed", new Move(33, 32), ReasonCode.UNKNOWN_PLAYER);
    }

    @Test
    void the_host_cannot_move_as_a_player() {
        world.assertRefused(Actor.host(), new Move(33, 32), ReasonCode.WRONG_SEAT);
    }
}
