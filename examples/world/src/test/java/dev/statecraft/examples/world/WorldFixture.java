package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.Versioned;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Seat;
import dev.statecraft.rules.Setup;
import dev.statecraft.store.memory.InMemoryStore;
import dev.statecraft.testkit.ManualClock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** One zone in a real engine with an in-memory store and a clock the test moves. */
final class WorldFixture implements AutoCloseable {
    static final String GAME = "zone-1";

    final ManualClock clock = ManualClock.startingAt("2030-01-01T12:00:00Z");
    final Engine engine;
    private int commandNumber;

    private WorldFixture(Setup setup) {
        engine = Engine.builder().store(InMemoryStore.create()).register(World.TYPE).seed(42).clock(clock).build();
        engine.create(World.TYPE, GAME, setup);
    }

    static WorldFixture create() {
        return new WorldFixture(Setup.empty());
    }

    static WorldFixture create(Setup setup) {
        return new WorldFixture(setup);
    }

    /** A zone where {@code playerIds} have entered, in order. */
    static WorldFixture withPlayers(String... playerIds) {
        WorldFixture world = create();
        for (String id : playerIds) {
            world.assertAccepted(Actor.player(id), new WorldCommand.EnterWorld());
        }
        return world;
    }

    CommandResult submit(Actor actor, WorldCommand command) {
        return engine.submit(GAME, CommandRequest.of("c-" + (++commandNumber), actor, command));
    }

    CommandResult.Accepted assertAccepted(Actor actor, WorldCommand command) {
        CommandResult result = submit(actor, command);
        assertThat(result).as("%s by %s", command, actor).isInstanceOf(CommandResult.Accepted.class);
        return (CommandResult.Accepted) result;
    }

    CommandResult.Accepted assertAccepted(String playerId, WorldCommand command) {
        return assertAccepted(Actor.player(playerId), command);
    }

    /** Submits {@code command}, expects it refused with {@code code}, and checks that state and version stayed as they were. */
    CommandResult.Rejected assertRefused(Actor actor, WorldCommand command, String code) {
        Versioned<ZoneState> before = versioned();
        CommandResult result = submit(actor, command);
        assertThat(result).as("%s by %s", command, actor).isInstanceOf(CommandResult.Rejected.class);
        CommandResult.Rejected rejected = (CommandResult.Rejected) result;
        assertThat(rejected.code()).as("code of %s by %s (%s)", command, actor, rejected.message()).isEqualTo(code);
        assertThat(rejected.version()).isEqualTo(before.version());
        assertThat(versioned()).as("state after refused %s", command).isEqualTo(before);
        return rejected;
    }

    CommandResult.Rejected assertRefused(String playerId, WorldCommand command, String code) {
        return assertRefused(Actor.player(playerId), command, code);
    }

    Versioned<ZoneState> versioned() {
        return engine.state(GAME, ZoneState.class);
    }

    ZoneState state() {
        return versioned().value();
    }

    PlayerEntity player(String id) {
        return state().requirePlayer(id);
    }

    Map<Integer, ItemStack> inventory(String id) {
        return player(id).inventory().slots();
    }

    int slotOf(String playerId, String itemId) {
        return inventory(playerId).entrySet().stream().filter(e -> e.getValue().itemId().equals(itemId)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError(playerId + " carries no " + itemId + ": " + inventory(playerId)));
    }

    Map<String, GroundItem> groundItems() {
        return state().regions().values().stream().flatMap(r -> r.groundItems().values().stream())
                .collect(Collectors.toMap(GroundItem::id, g -> g));
    }

    WorldView view(Seat seat) {
        return (WorldView) engine.view(GAME, seat).value();
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    @Override
    public void close() {
        engine.close();
    }
}
