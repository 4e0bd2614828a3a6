package dev.statecraft.sqlite.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.EngineOptions;
import dev.statecraft.examples.world.ItemCatalog;
import dev.statecraft.examples.world.World;
import dev.statecraft.examples.world.WorldCommand;
import dev.statecraft.examples.world.ZoneState;
import dev.statecraft.persistence.Persistence;
import dev.statecraft.persistence.WritePolicy;
import dev.statecraft.examples.cards.CardCommand;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Setup;
import dev.statecraft.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritePolicyTest {
    private static final Duration FLUSH_EVERY = Duration.ofMillis(300);
    private static final GameType<?, ?, ?, ?> BUFFERED =
            TestTypes.cards("cards-buffered", Persistence.defaults().withWritePolicy(WritePolicy.buffered(FLUSH_EVERY, 1_000)));

    @TempDir
    Path folder;
    private SqliteStore store;

    @BeforeEach
    void open() {
        store = SqliteStore.open(folder.resolve("statecraft.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Engine engine(GameType<?, ?, ?, ?>... types) {
        return Engine.builder().store(store).register(types).seed(3)
                .options(EngineOptions.defaults().withPassivateAfter(Duration.ZERO)).build();
    }

    @Test
    void a_buffered_command_is_acknowledged_before_it_is_stored_and_stored_within_the_flush_interval() {
        try (Engine engine = engine(BUFFERED)) {
            engine.create(BUFFERED, "m-1", Setup.empty());
            Moves.submit(engine, "m-1", "ann", "join-ann", new CardCommand.Join());

            assertThat(store.events().lastVersion("m-1")).isZero();
            await().atMost(FLUSH_EVERY.multipliedBy(5)).until(() -> store.events().lastVersion("m-1") == 1);
        }
    }

    @Test
    void a_phase_change_flushes_a_buffered_game_without_waiting_for_the_interval() {
        GameType<?, ?, ?, ?> slow = TestTypes.cards("cards-slow", Persistence.defaults().withWritePolicy(WritePolicy.buffered(Duration.ofHours(1), 1_000)));
        try (Engine engine = engine(slow)) {
            engine.create(slow, "m-1", Setup.empty());
            Moves.submit(engine, "m-1", "ann", "join-ann", new CardCommand.Join());
            Moves.submit(engine, "m-1", "bob", "join-bob", new CardCommand.Join());

            await().atMost(Duration.ofSeconds(5)).until(() -> store.events().lastVersion("m-1") == 3);
        }
    }

    @Test
    void buffered_writes_are_flushed_when_the_game_is_passivated_and_when_the_engine_closes() {
        GameType<?, ?, ?, ?> slow = TestTypes.cards("cards-slow", Persistence.defaults().withWritePolicy(WritePolicy.buffered(Duration.ofHours(1), 1_000)));
        try (Engine engine = engine(slow)) {
            engine.create(slow, "m-1", Setup.empty());
            engine.create(slow, "m-2", Setup.empty());
            Moves.submit(engine, "m-1", "ann", "join-ann", new CardCommand.Join());
            Moves.submit(engine, "m-2", "ann", "join-ann", new CardCommand.Join());
            assertThat(store.events().lastVersion("m-1")).isZero();

            assertThat(engine.passivate("m-1")).isTrue();

            assertThat(store.events().lastVersion("m-1")).isEqualTo(1);
            assertThat(store.events().lastVersion("m-2")).isZero();
        }
        assertThat(store.events().lastVersion("m-2")).isEqualTo(1);
    }

    @Test
    void a_critical_command_in_a_buffered_game_is_durable_when_acknowledged_with_everything_before_it() {
        try (Engine engine = engine(World.TYPE)) {
            engine.create(World.TYPE, "zone", Setup.empty());
            world(engine, "ann", "e-ann", new WorldCommand.EnterWorld());
            world(engine, "bob", "e-bob", new WorldCommand.EnterWorld());
            ZoneState zone = engine.state("zone", ZoneState.class).value();
            int annCoins = zone.requirePlayer("ann").inventory().slots().entrySet().stream()
                    .filter(e -> e.getValue().itemId().equals(ItemCatalog.COINS)).findFirst().orElseThrow().getKey();
            world(engine, "ann", "offer", new WorldCommand.OfferTrade("bob", Map.of(annCoins, 5), Map.of()));
            long bufferedSoFar = store.events().lastVersion("zone");
            String tradeId = engine.state("zone", ZoneState.class).value().trades().keySet().iterator().next();

            long accepted = world(engine, "bob", "accept", new WorldCommand.AcceptTrade(tradeId));

            assertThat(bufferedSoFar).isLessThan(accepted);
            assertThat(store.events().lastVersion("zone")).isEqualTo(accepted);
            assertThat(store.events().findCommand("zone", "accept")).isPresent();
        }
    }

    @Test
    void a_command_type_can_be_made_durable_in_a_buffered_game() {
        GameType<?, ?, ?, ?> mixed = GameType.builder("cards-mixed", dev.statecraft.examples.cards.Cards.RULES,
                        dev.statecraft.examples.cards.CardState.class, CardCommand.class, dev.statecraft.examples.cards.CardEvent.class)
                .phases(dev.statecraft.examples.cards.Cards.PHASES)
                .persistence(Persistence.defaults().withWritePolicy(WritePolicy.buffered(Duration.ofHours(1), 1_000)))
                .writePolicy(CardCommand.Forfeit.class, WritePolicy.durable())
                .build();
        try (Engine engine = engine(mixed)) {
            engine.create(mixed, "m-1", Setup.empty());
            Moves.seatBoth(engine, "m-1");

            Moves.submit(engine, "m-1", "ann", "forfeit", new CardCommand.Forfeit());

            assertThat(store.events().findCommand("m-1", "forfeit")).isPresent();
        }
    }

    private static long world(Engine engine, String player, String commandId, WorldCommand command) {
        var result = engine.submit("zone", CommandRequest.of(commandId, Actor.player(player), command));
        assertThat(result.isAccepted()).as("%s", result).isTrue();
        return result.version();
    }
}
