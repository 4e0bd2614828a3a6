package dev.statecraft.engine;

import static dev.statecraft.engine.TestEngines.by;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.persistence.Persistence;
import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Setup;
import dev.statecraft.store.Snapshot;
import dev.statecraft.store.SnapshotStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A flush drains a game's buffer before it writes, so for a moment the buffer looks empty while its
 * writes are still on their way to the store. A durable command or an archive must wait for them.
 */
class InFlightFlushTest {
    private static final GameType<Tally.State, Tally.Command, Tally.Event, Tally.View> SNAPSHOT_EACH_EVENT_ARCHIVED_WHEN_CLOSED =
            GameType.builder("tally-archived", new Tally(), Tally.State.class, Tally.Command.class, Tally.Event.class)
                    .phases(Tally.PHASES).persistence(Persistence.defaults().withSnapshotEvery(1)).archiveIn(Tally.TallyPhase.CLOSED).build();

    /** An in-memory store whose snapshot saves can be held until released. */
    private static final class HeldSnapshots extends MemoryStoreWrapper implements SnapshotStore {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean holding;

        @Override
        public void save(Snapshot snapshot) {
            if (holding) {
                entered.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            store.snapshots().save(snapshot);
        }

        @Override
        public Optional<Snapshot> latest(String gameId) {
            return store.snapshots().latest(gameId);
        }

        @Override
        public Optional<Snapshot> latestAtOrBefore(String gameId, long version) {
            return store.snapshots().latestAtOrBefore(gameId, version);
        }

        @Override
        public SnapshotStore snapshots() {
            return this;
        }

        @Override
        public String describe() {
            return "memory, snapshots held on demand";
        }
    }

    @Test
    void a_command_that_archives_its_game_waits_for_a_snapshot_another_flush_is_still_writing() throws Exception {
        HeldSnapshots store = new HeldSnapshots();
        Engine engine = Engine.builder().store(store).register(SNAPSHOT_EACH_EVENT_ARCHIVED_WHEN_CLOSED).build();
        engine.create(SNAPSHOT_EACH_EVENT_ARCHIVED_WHEN_CLOSED, "t-1", Setup.empty());
        store.holding = true;
        engine.submit("t-1", by("ann", "c-1", new Tally.Add(2)));
        CompletableFuture<Void> firstFlush = CompletableFuture.runAsync(() -> engine.flush("t-1"));
        assertThat(store.entered.await(10, TimeUnit.SECONDS)).as("a flush is writing the snapshot of version 1").isTrue();

        AtomicReference<CommandResult> closing = new AtomicReference<>();
        Thread closer = Thread.ofPlatform().name("closer").start(() -> closing.set(engine.submit("t-1", by("ann", "c-2", new Tally.Close()))));
        await().atMost(Duration.ofSeconds(10)).until(() -> !closer.isAlive() || closer.getState() == Thread.State.WAITING);
        store.released.countDown();
        closer.join();

        assertThat(firstFlush).succeedsWithin(Duration.ofSeconds(10));
        assertThat(closing.get()).isInstanceOf(CommandResult.Accepted.class);
        assertThat(engine.findArchived("t-1")).hasValueSatisfying(a -> assertThat(a.finalVersion()).isEqualTo(2));
        engine.close();
    }
}
