package dev.statecraft.sqlite.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.engine.BufferFullException;
import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.EngineOptions;
import dev.statecraft.engine.Versioned;
import dev.statecraft.examples.cards.CardCommand;
import dev.statecraft.examples.cards.Cards;
import dev.statecraft.persistence.Persistence;
import dev.statecraft.persistence.WritePolicy;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Setup;
import dev.statecraft.sqlite.InjectedFailures;
import dev.statecraft.sqlite.SqliteOptions;
import dev.statecraft.sqlite.SqliteStore;
import dev.statecraft.sqlite.SqliteWriterMetrics;
import dev.statecraft.store.StoreException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFailureTest {
    @TempDir
    Path folder;

    @Test
    @SuppressWarnings("try") // releaseBeforeEngineCloses is there for the order in which the resources close
    void a_full_write_behind_buffer_fails_the_next_command_clearly_unapplied_while_other_games_keep_being_served() throws Exception {
        GameType<?, ?, ?, ?> buffered = TestTypes.cards("cards-buffered",
                Persistence.defaults().withWritePolicy(WritePolicy.buffered(Duration.ofMillis(20), 1_000)));
        // The buffer holds 5 writes: 3 events to seat both players, the snapshot taken as the match starts, and one move.
        try (SqliteStore sqlite = SqliteStore.open(folder.resolve("statecraft.db"));
             StallingStore store = new StallingStore(sqlite, "stuck");
             Engine engine = Engine.builder().store(store).register(buffered, Cards.TYPE)
                     .options(EngineOptions.defaults().withWriteBehindCapacity(5).withWriteBehindWait(Duration.ofMillis(200))
                             .withPassivateAfter(Duration.ZERO)).build();
             AutoCloseable releaseBeforeEngineCloses = store::release) {
            engine.create(buffered, "stuck", Setup.empty());
            engine.create(Cards.TYPE, "steady", Setup.empty());
            Moves.seatBoth(engine, "stuck");
            Moves.play(engine, "stuck", 1);
            Versioned<Object> before = engine.state("stuck");

            String turn = engine.state("stuck", dev.statecraft.examples.cards.CardState.class).value().turn();
            assertThatThrownBy(() -> engine.submit("stuck", CommandRequest.of("one-too-many", Actor.player(turn), new CardCommand.Forfeit())))
                    .isInstanceOf(BufferFullException.class)
                    .hasMessageContaining("game stuck")
                    .hasMessageContaining("the command was not applied");

            assertThat(engine.state("stuck")).isEqualTo(before);
            // Durable games keep being served; their optional snapshots are skipped while the buffer is full.
            Moves.seatBoth(engine, "steady");
            Moves.play(engine, "steady", 5);
            assertThat(sqlite.events().lastVersion("steady")).isEqualTo(engine.state("steady").version());

            store.release();
            Moves.submit(engine, "stuck", turn, "after-release", new CardCommand.Forfeit());
            engine.flush("stuck");
            assertThat(sqlite.events().lastVersion("stuck")).isEqualTo(engine.state("stuck").version());
        }
    }

    @Test
    void a_closed_store_fails_durable_commands_clearly_and_they_change_nothing() {
        SqliteStore store = SqliteStore.open(folder.resolve("statecraft.db"));
        try (Engine engine = Engine.builder().store(store).register(Cards.TYPE).options(EngineOptions.defaults().withPassivateAfter(Duration.ZERO)).build()) {
            engine.create(Cards.TYPE, "m-1", Setup.empty());
            Moves.submit(engine, "m-1", "ann", "join-ann", new CardCommand.Join());
            Versioned<Object> before = engine.state("m-1");
            store.close();

            assertThatThrownBy(() -> engine.submit("m-1", CommandRequest.of("join-bob", Actor.player("bob"), new CardCommand.Join())))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("store is closed");
            assertThat(engine.state("m-1")).isEqualTo(before);
        }
    }

    @Test
    void a_write_that_fails_inside_a_group_commit_fails_only_its_own_command_and_the_batch_commits_the_rest() throws Exception {
        Path file = folder.resolve("statecraft.db");
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (SqliteStore store = SqliteStore.open(file, SqliteOptions.defaults(), new SqliteWriterMetrics(metrics));
             Engine engine = Engine.builder().store(store).register(Cards.TYPE).options(EngineOptions.defaults().withPassivateAfter(Duration.ZERO)).build()) {
            int games = 40;
            for (int g = 0; g < games; g++) {
                engine.create(Cards.TYPE, "g-" + g, Setup.empty());
            }
            failEveryEventOf(file, "g-7");
            Map<String, CommandResult> results = new ConcurrentHashMap<>();
            Map<String, Throwable> failures = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int g = 0; g < games; g++) {
                String game = "g-" + g;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        results.put(game, engine.submit(game, CommandRequest.of("join", Actor.player("ann"), new CardCommand.Join())));
                    } catch (StoreException e) {
                        failures.put(game, e);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(failures).containsOnlyKeys("g-7");
            assertThat(failures.get("g-7")).hasMessageContaining("injected failure");
            assertThat(engine.state("g-7").version()).isZero();
            assertThat(store.events().lastVersion("g-7")).isZero();
            for (int g = 0; g < games; g++) {
                if (g != 7) {
                    assertThat(results.get("g-" + g).isAccepted()).isTrue();
                    assertThat(store.events().lastVersion("g-" + g)).isEqualTo(1);
                    assertThat(store.events().findCommand("g-" + g, "join")).as("record of g-%d, waiting for the bulk write", g).isPresent();
                }
            }
            assertThat(store.events().findCommand("g-7", "join")).isEmpty();
            assertThat(metrics.get("statecraft.store.batch.size").summary().max()).as("some batch held several games' writes").isGreaterThan(1);
        }
    }

    /** A real SQLite failure for one game's events, raised inside the writer's transaction. */
    private static void failEveryEventOf(Path file, String gameId) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()); Statement s = c.createStatement()) {
            s.execute(InjectedFailures.failJournalRowsOf(gameId));
        }
    }
}
