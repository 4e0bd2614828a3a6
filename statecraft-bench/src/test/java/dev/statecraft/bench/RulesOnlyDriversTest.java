package dev.statecraft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.statecraft.examples.world.ZoneSettings;
import org.junit.jupiter.api.Test;

class RulesOnlyDriversTest {

    @Test
    void the_card_bot_plays_match_after_match_with_legal_moves_only() {
        RulesOnlyCardMatches matches = new RulesOnlyCardMatches(7);

        for (int i = 0; i < 20_000; i++) {
            matches.playOne();
        }

        assertThat(matches.finishedMatches()).isGreaterThan(100);
    }

    @Test
    void every_step_of_the_zone_walk_is_a_legal_move_for_the_world_rules() {
        RulesOnlyZone zone = new RulesOnlyZone(50);

        for (int i = 0; i < 1_000; i++) {
            assertThat(zone.moveOne().players()).hasSize(50);
        }
    }

    @Test
    void the_mutable_baseline_accepts_the_same_walk() {
        String[] players = ZoneWalk.playerIds("zone", 50);
        MutableZonePositions zone = MutableZonePositions.withPlayersAtSpawn(players, ZoneSettings.defaults());
        ZoneWalk walk = ZoneWalk.of(players, ZoneSettings.defaults());

        assertThatCode(() -> {
            for (int i = 0; i < 1_000; i++) {
                ZoneWalk.Step step = walk.next();
                zone.move(step.actor(), step.move());
            }
        }).doesNotThrowAnyException();
    }
}
