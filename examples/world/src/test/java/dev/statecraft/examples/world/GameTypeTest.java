package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.examples.world.WorldCommand.AcceptTrade;
import dev.statecraft.examples.world.WorldCommand.CancelTrade;
import dev.statecraft.examples.world.WorldCommand.DespawnExpired;
import dev.statecraft.examples.world.WorldCommand.GrantItem;
import dev.statecraft.examples.world.WorldCommand.Move;
import dev.statecraft.examples.world.WorldCommand.OfferTrade;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GameTypeTest {

    @Test
    void accepting_a_trade_is_critical() {
        assertThat(World.TYPE.isCritical(new AcceptTrade("t-1"))).isTrue();
    }

    @Test
    void moving_and_the_other_commands_are_not_critical() {
        assertThat(World.TYPE.isCritical(new Move(1, 1))).isFalse();
        assertThat(World.TYPE.isCritical(new OfferTrade("bob", Map.of(0, 1), Map.of()))).isFalse();
        assertThat(World.TYPE.isCritical(new CancelTrade("t-1"))).isFalse();
        assertThat(World.TYPE.isCritical(new GrantItem("ann", ItemCatalog.COINS, 1))).isFalse();
        assertThat(World.TYPE.isCritical(new DespawnExpired())).isFalse();
    }

    @Test
    void the_game_type_is_named_world_and_knows_every_command_and_event() {
        assertThat(World.TYPE.name()).isEqualTo("world");
        assertThat(World.TYPE.commands().names()).contains("EnterWorld", "Move", "AcceptTrade", "TakeDamage", "DespawnExpired").hasSize(15);
        assertThat(World.TYPE.events().names()).contains("PlayerEntered", "TradeCompleted", "GroundItemsDespawned").hasSize(16);
    }
}
