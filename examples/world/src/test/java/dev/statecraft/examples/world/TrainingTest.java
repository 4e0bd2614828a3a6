package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.examples.world.WorldCommand.Train;
import dev.statecraft.examples.world.WorldEvent.SkillTrained;
import dev.statecraft.engine.RecordedEvent;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.ReasonCode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrainingTest {
    private final WorldFixture world = WorldFixture.withPlayers("ann");

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void training_gains_the_xp_rolled_by_the_engine_and_written_into_the_event() {
        var accepted = world.assertAccepted("ann", new Train(Skill.MINING));

        RecordedEvent recorded = world.engine.events(WorldFixture.GAME, accepted.version(), accepted.version()).getFirst();
        SkillTrained trained = (SkillTrained) recorded.event();
        assertThat(trained.xpGained()).isBetween(TrainingDecisions.MIN_XP, TrainingDecisions.MAX_XP);
        assertThat(world.player("ann").skills().xpOf(Skill.MINING)).isEqualTo(trained.xpGained());
    }

    @Test
    void levels_follow_xp_and_hitpoints_levels_raise_maximum_hp() {
        int sessions = 0;
        while (world.player("ann").skills().level(Skill.HITPOINTS) < 3) {
            world.assertAccepted("ann", new Train(Skill.HITPOINTS));
            sessions++;
        }

        PlayerEntity ann = world.player("ann");
        assertThat(sessions).isGreaterThan(1);
        assertThat(ann.skills().xpOf(Skill.HITPOINTS)).isGreaterThanOrEqualTo(100);
        assertThat(ann.maxHp()).isEqualTo(120);
        assertThat(ann.hp()).isEqualTo(120);
    }

    @Test
    void the_level_formula_needs_25_times_the_square_of_the_level_below() {
        assertThat(Map.of(0, Skills.levelFor(0), 24, Skills.levelFor(24), 25, Skills.levelFor(25), 99, Skills.levelFor(99),
                100, Skills.levelFor(100), 2_025, Skills.levelFor(2_025), 240_099, Skills.levelFor(240_099), 240_100, Skills.levelFor(240_100),
                Skills.MAX_XP, Skills.levelFor(Skills.MAX_XP)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(0, 1, 24, 1, 25, 2, 99, 2, 100, 3, 2_025, 10, 240_099, 98, 240_100, 99, Skills.MAX_XP, 99));
    }

    @Test
    void the_combat_level_is_the_mean_of_the_four_combat_skills() {
        Skills skills = new Skills(Map.of(Skill.ATTACK, 2_025, Skill.STRENGTH, 2_025, Skill.MINING, 240_100));

        assertThat(skills.combatLevel()).isEqualTo((10 + 10 + 1 + 1) / 4);
    }

    @Test
    void the_host_cannot_train_as_a_player() {
        world.assertRefused(Actor.host(), new Train(Skill.ATTACK), ReasonCode.WRONG_SEAT);
    }
}
