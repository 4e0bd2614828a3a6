package dev.statecraft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.Engine;
import dev.statecraft.examples.cards.CardPhase;
import dev.statecraft.examples.cards.CardState;
import dev.statecraft.examples.cards.Cards;
import dev.statecraft.examples.world.ZoneState;
import dev.statecraft.store.memory.InMemoryStore;
import org.junit.jupiter.api.Test;

class MidGameLoadTest {

    @Test
    void loaded_games_are_mid_game_and_their_states_are_the_engines() {
        try (InMemoryStore store = InMemoryStore.create();
             Engine engine = Engine.builder().store(store).register(Cards.TYPE, MidGameLoad.EVENT_SOURCED_WORLD).build()) {
            LoadedGames matches = MidGameLoad.cardMatches(engine, 20);
            LoadedGames zones = MidGameLoad.zones(engine, 20);

            assertThat(engine.hotGameCount()).isEqualTo(40);
            for (int i = 0; i < 20; i++) {
                CardState match = (CardState) matches.state(i);
                assertThat(match.phase()).isEqualTo(CardPhase.PLAYING);
                assertThat(engine.state(matches.id(i)).version()).isGreaterThanOrEqualTo(2 + MidGameLoad.MOVES_PER_MATCH);
                assertThat(engine.state(matches.id(i)).value()).isSameAs(match);
                ZoneState zone = (ZoneState) zones.state(i);
                assertThat(zone.players()).hasSize(MidGameLoad.PLAYERS_PER_ZONE);
                assertThat(engine.state(zones.id(i)).value()).isSameAs(zone);
            }
        }
    }
}
