package dev.statecraft.examples.world;

import dev.statecraft.examples.world.WorldCommand.AcceptTrade;
import dev.statecraft.examples.world.WorldCommand.ByHost;
import dev.statecraft.examples.world.WorldCommand.CancelTrade;
import dev.statecraft.examples.world.WorldCommand.DespawnExpired;
import dev.statecraft.examples.world.WorldCommand.Drop;
import dev.statecraft.examples.world.WorldCommand.EnterWorld;
import dev.statecraft.examples.world.WorldCommand.Equip;
import dev.statecraft.examples.world.WorldCommand.GrantItem;
import dev.statecraft.examples.world.WorldCommand.LeaveWorld;
import dev.statecraft.examples.world.WorldCommand.Move;
import dev.statecraft.examples.world.WorldCommand.OfferTrade;
import dev.statecraft.examples.world.WorldCommand.PickUp;
import dev.statecraft.examples.world.WorldCommand.TakeDamage;
import dev.statecraft.examples.world.WorldCommand.Train;
import dev.statecraft.examples.world.WorldCommand.Unequip;
import dev.statecraft.examples.world.WorldCommand.UseItem;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Setup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random commands for a zone, mostly plausible (slots that hold something, ground items that exist,
 * trades that are pending) and often not (wrong actors, unknown players, bad slots, far moves), so that
 * both acceptance and every kind of rejection are exercised. Players come and go, so commands from or
 * about a player who is not in the zone are common too.
 */
final class RandomWorldTraffic {
    static final List<String> PLAYERS = List.of("ann", "bob", "cy", "zed");
    private static final List<Setup> SETUPS = List.of(
            Setup.of("width", "12", "height", "12", "regionSize", "4", "despawnSeconds", "60"),
            Setup.of("width", "24", "height", "16", "regionSize", "8", "despawnSeconds", "120"),
            Setup.of("width", "5", "height", "7", "regionSize", "3", "despawnSeconds", "30"));
    private static final List<String> ITEM_IDS = List.copyOf(ItemCatalog.all().keySet());

    /** A command with whoever sends it. */
    record Step(Actor actor, WorldCommand command) {
    }

    private final SplittableRandom random;

    RandomWorldTraffic(SplittableRandom random) {
        this.random = random;
    }

    Setup setup() {
        return SETUPS.get(random.nextInt(SETUPS.size()));
    }

    int sequenceLength() {
        return random.nextInt(10, 50);
    }

    /** How far the clock moves before the next command; mostly not at all. */
    Duration pause() {
        return random.nextInt(5) == 0 ? Duration.ofSeconds(random.nextInt(0, 90)) : Duration.ZERO;
    }

    Step next(ZoneState state) {
        int roll = random.nextInt(100);
        if (state.players().isEmpty() || roll < 8) {
            return new Step(random.nextInt(10) == 0 ? Actor.host() : Actor.player(anyPlayer()), new EnterWorld());
        }
        PlayerEntity someone = pick(List.copyOf(state.players().values()));
        WorldCommand command = command(state, someone, roll);
        return new Step(actorFor(state, someone, command), command);
    }

    /** Usually the player the command was made for, or the host for the host's commands; sometimes anyone. */
    private Actor actorFor(ZoneState state, PlayerEntity someone, WorldCommand command) {
        boolean usual = random.nextInt(10) != 0;
        if (!usual) {
            return random.nextBoolean() ? Actor.host() : Actor.player(anyPlayer());
        }
        if (command instanceof ByHost) {
            return Actor.host();
        }
        if (command instanceof AcceptTrade accept) {
            return state.trade(accept.tradeId()).map(t -> Actor.player(t.toPlayerId())).orElseGet(() -> Actor.player(someone.id()));
        }
        return Actor.player(someone.id());
    }

    private WorldCommand command(ZoneState state, PlayerEntity someone, int roll) {
        if (roll < 10) return new LeaveWorld();
        if (roll < 25) return move(someone);
        if (roll < 32) return new TakeDamage(playerName(someone), random.nextInt(-5, 120));
        if (roll < 38) return new UseItem(slot(someone));
        if (roll < 43) return new Equip(slot(someone));
        if (roll < 47) return unequip(someone);
        if (roll < 53) return new Train(pick(List.of(Skill.values())));
        if (roll < 61) return grant(someone);
        if (roll < 69) return drop(someone);
        if (roll < 77) return new PickUp(groundItemId(state));
        if (roll < 81) return new DespawnExpired();
        if (roll < 88) return offer(state, someone);
        if (roll < 96) return new AcceptTrade(tradeId(state));
        return new CancelTrade(tradeId(state));
    }

    private Move move(PlayerEntity player) {
        int reach = random.nextInt(6) == 0 ? 4 : 2;
        return new Move(player.position().x() + random.nextInt(-reach, reach + 1), player.position().y() + random.nextInt(-reach, reach + 1));
    }

    private Unequip unequip(PlayerEntity player) {
        List<EquipmentSlot> worn = List.copyOf(player.equipment().worn().keySet());
        return new Unequip(worn.isEmpty() || random.nextInt(4) == 0 ? pick(List.of(EquipmentSlot.values())) : pick(worn));
    }

    private GrantItem grant(PlayerEntity player) {
        String item = random.nextInt(15) == 0 ? "no-such-item" : pick(ITEM_IDS);
        int quantity = random.nextInt(12) == 0 ? random.nextInt(-1, 40) : random.nextInt(1, 4);
        return new GrantItem(playerName(player), item, quantity);
    }

    private Drop drop(PlayerEntity player) {
        int slot = slot(player);
        int held = player.inventory().at(slot).map(ItemStack::quantity).orElse(1);
        return new Drop(slot, random.nextInt(0, held + 2));
    }

    private OfferTrade offer(ZoneState state, PlayerEntity player) {
        List<PlayerEntity> others = state.players().values().stream().filter(p -> !p.id().equals(player.id())).toList();
        boolean usual = !others.isEmpty() && random.nextInt(6) != 0;
        PlayerEntity partner = usual ? pick(others) : player;
        Map<Integer, Integer> give = new HashMap<>();
        for (int i = random.nextInt(usual ? 1 : 0, 3); i > 0; i--) {
            int slot = slot(player);
            give.put(slot, player.inventory().at(slot).map(s -> random.nextInt(1, s.quantity() + 1)).orElse(1));
        }
        Map<String, Integer> want = new HashMap<>();
        List<ItemStack> partnerItems = List.copyOf(partner.inventory().slots().values());
        for (int i = random.nextInt(3); i > 0; i--) {
            if (usual && !partnerItems.isEmpty()) {
                ItemStack stack = pick(partnerItems);
                want.put(stack.itemId(), random.nextInt(1, stack.quantity() + 1));
            } else {
                want.put(pick(ITEM_IDS), random.nextInt(1, 4));
            }
        }
        return new OfferTrade(usual ? partner.id() : anyPlayer(), give, want);
    }

    /** An occupied slot most of the time, else any number near the slot range. */
    private int slot(PlayerEntity player) {
        List<Integer> occupied = new ArrayList<>(player.inventory().slots().keySet());
        return occupied.isEmpty() || random.nextInt(6) == 0 ? random.nextInt(-1, Inventory.SIZE + 1) : pick(occupied);
    }

    private String groundItemId(ZoneState state) {
        List<String> ids = state.regions().values().stream().flatMap(r -> r.groundItems().keySet().stream()).toList();
        return ids.isEmpty() || random.nextInt(8) == 0 ? "g-" + random.nextInt(100) + "-0" : pick(ids);
    }

    private String tradeId(ZoneState state) {
        List<String> ids = List.copyOf(state.trades().keySet());
        return ids.isEmpty() || random.nextInt(8) == 0 ? "t-" + random.nextInt(100) : pick(ids);
    }

    private String playerName(PlayerEntity likely) {
        return random.nextInt(8) == 0 ? anyPlayer() : likely.id();
    }

    private String anyPlayer() {
        return pick(PLAYERS);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
