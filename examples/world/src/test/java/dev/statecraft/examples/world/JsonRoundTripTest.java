package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.codec.JsonCodec;
import dev.statecraft.examples.world.WorldCommand.AcceptTrade;
import dev.statecraft.examples.world.WorldCommand.DespawnExpired;
import dev.statecraft.examples.world.WorldCommand.EnterWorld;
import dev.statecraft.examples.world.WorldCommand.OfferTrade;
import dev.statecraft.examples.world.WorldCommand.Unequip;
import dev.statecraft.examples.world.WorldEvent.GroundItemsDespawned;
import dev.statecraft.examples.world.WorldEvent.ItemDropped;
import dev.statecraft.examples.world.WorldEvent.SkillTrained;
import dev.statecraft.examples.world.WorldEvent.TradeOffered;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Setup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRoundTripTest {
    private static final JsonCodec JSON = JsonCodec.json();

    @Test
    void commands_read_back_equal_to_what_was_written() {
        List<WorldCommand> commands = List.of(new EnterWorld(), new DespawnExpired(), new Unequip(EquipmentSlot.RING), new AcceptTrade("t-9"),
                new OfferTrade("bob", Map.of(3, 10, 12, 1), Map.of(ItemCatalog.IRON_SWORD, 1)));

        for (WorldCommand command : commands) {
            assertThat(JSON.read(JSON.write(command), command.getClass())).isEqualTo(command);
        }
    }

    @Test
    void events_read_back_equal_to_what_was_written() {
        List<WorldEvent> events = List.of(
                new SkillTrained("ann", Skill.MINING, 33),
                new ItemDropped("ann", 3, "r-2-2", new GroundItem("g-7-0", new ItemStack(ItemCatalog.COINS, 5), new Position(33, 32),
                        Instant.parse("2030-01-01T12:02:00Z"))),
                new GroundItemsDespawned(List.of("g-7-0", "g-9-0")),
                new TradeOffered(new Trade("t-4", "ann", "bob", List.of(new ItemStack(ItemCatalog.COINS, 20)), List.of())));

        for (WorldEvent event : events) {
            assertThat(JSON.read(JSON.write(event), event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void a_zone_reads_back_equal_to_what_was_written_so_it_can_be_snapshotted() {
        try (WorldFixture world = WorldFixture.create(Setup.of("regionSize", "8"))) {
            world.assertAccepted("ann", new EnterWorld());
            world.assertAccepted("bob", new EnterWorld());
            world.assertAccepted("ann", new WorldCommand.Train(Skill.DEFENCE));
            world.assertAccepted("ann", new WorldCommand.Equip(world.slotOf("ann", ItemCatalog.WOODEN_SHIELD)));
            world.assertAccepted("bob", new WorldCommand.Drop(world.slotOf("bob", ItemCatalog.COINS), 3));
            world.assertAccepted("ann", new OfferTrade("bob", Map.of(world.slotOf("ann", ItemCatalog.COINS), 5), Map.of()));
            world.assertAccepted(Actor.host(), new WorldCommand.TakeDamage("bob", 12));
            ZoneState state = world.state();

            assertThat(JSON.read(JSON.write(state), ZoneState.class)).isEqualTo(state);
            assertThat(JSON.writeString(JSON.read(JSON.write(state), ZoneState.class))).isEqualTo(JSON.writeString(state));
        }
    }
}
