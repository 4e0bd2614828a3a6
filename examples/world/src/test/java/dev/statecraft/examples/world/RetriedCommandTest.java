package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.examples.world.WorldCommand.GrantItem;
import dev.statecraft.examples.world.WorldCommand.Move;
import dev.statecraft.examples.world.WorldCommand.Train;
import dev.statecraft.rules.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetriedCommandTest {
    private final WorldFixture world = WorldFixture.withPlayers("ann");

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void a_retried_command_returns_the_same_result_and_applies_once() {
        CommandRequest loot = CommandRequest.of("loot-1", Actor.host(), new GrantItem("ann", ItemCatalog.COINS, 50));

        CommandResult first = world.engine.submit(WorldFixture.GAME, loot);
        CommandResult retried = world.engine.submit(WorldFixture.GAME, loot);

        assertThat(first.isAccepted()).isTrue();
        assertThat(retried).isEqualTo(first);
        assertThat(world.versioned().version()).isEqualTo(first.version());
        assertThat(world.player("ann").inventory().count(ItemCatalog.COINS)).isEqualTo(75);
    }

    @Test
    void a_retried_training_session_keeps_its_first_roll() {
        CommandRequest train = CommandRequest.of("train-1", Actor.player("ann"), new Train(Skill.FISHING));

        CommandResult first = world.engine.submit(WorldFixture.GAME, train);
        int xp = world.player("ann").skills().xpOf(Skill.FISHING);
        CommandResult retried = world.engine.submit(WorldFixture.GAME, train);

        assertThat(retried).isEqualTo(first);
        assertThat(world.player("ann").skills().xpOf(Skill.FISHING)).isEqualTo(xp);
    }

    @Test
    void a_retried_rejected_command_returns_the_same_rejection() {
        CommandRequest tooFar = CommandRequest.of("move-1", Actor.player("ann"), new Move(40, 40));

        CommandResult first = world.engine.submit(WorldFixture.GAME, tooFar);
        CommandResult retried = world.engine.submit(WorldFixture.GAME, tooFar);

        assertThat(first.isAccepted()).isFalse();
        assertThat(retried).isEqualTo(first);
    }
}
