package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.examples.world.WorldCommand.Move;
import dev.statecraft.examples.world.WorldCommand.TakeDamage;
import dev.statecraft.examples.world.WorldEvent.DamageTaken;
import dev.statecraft.examples.world.WorldEvent.PlayerDied;
import dev.statecraft.engine.RecordedEvent;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.ReasonCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CombatTest {
    private final WorldFixture world = WorldFixture.withPlayers("ann", "bob");

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void damage_from_the_host_lowers_hp() {
        world.assertAccepted(Actor.host(), new TakeDamage("ann", 30));

        assertThat(world.player("ann").hp()).isEqualTo(70);
        assertThat(world.player("bob").hp()).isEqualTo(100);
    }

    @Test
    void a_player_brought_to_zero_hp_dies_and_respawns_at_the_spawn_point_with_full_hp_and_their_items() {
        world.assertAccepted("ann", new Move(34, 34));
        var before = world.player("ann");

        var accepted = world.assertAccepted(Actor.host(), new TakeDamage("ann", 250));

        assertThat(world.engine.events(WorldFixture.GAME, accepted.version() - 1, accepted.version()))
                .extracting(RecordedEvent::event)
                .containsExactly(new DamageTaken("ann", 100), new PlayerDied("ann", new Position(32, 32)));
        PlayerEntity ann = world.player("ann");
        assertThat(ann.hp()).isEqualTo(ann.maxHp());
        assertThat(ann.position()).isEqualTo(new Position(32, 32));
        assertThat(ann.inventory()).isEqualTo(before.inventory());
    }

    @Test
    void damage_is_dealt_by_the_host_only() {
        world.assertRefused("bob", new TakeDamage("ann", 10), ReasonCode.WRONG_SEAT);
    }

    @Test
    void damage_to_a_player_not_in_the_zone_names_an_unknown_player() {
        world.assertRefused(Actor.host(), new TakeDamage("zed", 10), ReasonCode.UNKNOWN_PLAYER);
    }

    @Test
    void damage_must_be_positive() {
        world.assertRefused(Actor.host(), new TakeDamage("ann", 0), ReasonCode.INVALID_MOVE);
        world.assertRefused(Actor.host(), new TakeDamage("ann", -5), ReasonCode.INVALID_MOVE);
    }
}
