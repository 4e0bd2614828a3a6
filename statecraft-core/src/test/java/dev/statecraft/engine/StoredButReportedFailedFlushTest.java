package dev.statecraft.engine;

import static dev.statecraft.engine.TestEngines.by;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.statecraft.persistence.Persistence;
import dev.statecraft.persistence.WritePolicy;
import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Setup;
import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.DuplicateCommandException;
import dev.statecraft.store.EventLog;
import dev.statecraft.store.NewEvent;
import dev.statecraft.store.StoreException;
import dev.statecraft.store.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A store's commit can fail after it has stored its batch (SQLite's commit can fail after its sync). The write-behind
 * flush is then told its append failed, and gives it back to be written again; the retry finds the very same append
 * stored, and must count it written, not fail on it for ever.
 */
class StoredButReportedFailedFlushTest {
    private static final GameType<Tally.State, Tally.Command, Tally.Event, Tally.View> BUFFERED =
            GameType.builder("tally-buffered", new Tally(), Tally.State.class, Tally.Command.class, Tally.Event.class).phases(Tally.PHASES)
                    .persistence(Persistence.defaults().withWritePolicy(WritePolicy.buffered(Duration.ofMinutes(10), 1_000))).build();

    /** An in-memory store whose next append is stored and then reported as failed. */
    private static final class StoringThenFailing extends MemoryStoreWrapper implements EventLog {
        private volatile boolean failNext;

        @Override
        public long append(AppendRequest request) {
            long version = store.events().append(request);
            if (failNext) {
                failNext = false;
                throw new StoreException("game " + request.gameId() + ": commit failed after storing the batch (injected)");
            }
            return version;
        }

        @Override
        public List<StoredEvent> read(String gameId, long fromVersion, long toVersion) {
            return store.events().read(gameId, fromVersion, toVersion);
        }

        @Override
        public List<StoredEvent> readUpTo(String gameId, Instant instant) {
            return store.events().readUpTo(gameId, instant);
        }

        @Override
        public long lastVersion(String gameId) {
            return store.events().lastVersion(gameId);
        }

        @Override
        public Optional<CommandRecord> findCommand(String gameId, String commandId) {
            return store.events().findCommand(gameId, commandId);
        }

        @Override
        public EventLog events() {
            return this;
        }

        @Override
        public String describe() {
            return "memory, its next append stored and then reported as failed";
        }
    }

    @Test
    void a_flush_told_its_stored_appends_failed_counts_them_written_when_the_retry_finds_them_stored() {
        StoringThenFailing store = new StoringThenFailing();
        try (Engine engine = Engine.builder().store(store).register(BUFFERED).build()) {
            engine.create(BUFFERED, "t-1", Setup.empty());
            assertThat(engine.submit("t-1", by("ann", "c-1", new Tally.Add(2)))).isInstanceOf(CommandResult.Accepted.class);
            assertThat(engine.submit("t-1", by("bob", "c-2", new Tally.Add(5)))).isInstanceOf(CommandResult.Accepted.class);
            store.failNext = true; // c-1 is stored, then reported failed; c-2 is stored after it
            assertThatThrownBy(() -> engine.flush("t-1")).isInstanceOf(StoreException.class).hasMessageContaining("injected");
            assertThat(store.lastVersion("t-1")).as("both stored all the same").isEqualTo(2);

            engine.flush("t-1"); // the retry: each refused as a duplicate of itself, so written

            assertThat(engine.submit("t-1", by("ann", "c-3", new Tally.Add(3)))).isInstanceOf(CommandResult.Accepted.class);
            engine.flush("t-1");
            assertThat(store.read("t-1", 1, Long.MAX_VALUE)).extracting(StoredEvent::version, StoredEvent::commandId)
                    .containsExactly(tuple(1L, "c-1"), tuple(2L, "c-2"), tuple(3L, "c-3"));
        }
    }

    @Test
    void a_duplicate_with_the_same_id_and_versions_but_other_events_is_still_a_failure() {
        StoringThenFailing store = new StoringThenFailing();
        Engine engine = Engine.builder().store(store).register(BUFFERED).build();
        engine.create(BUFFERED, "t-1", Setup.empty());
        assertThat(engine.submit("t-1", by("ann", "c-1", new Tally.Add(2)))).isInstanceOf(CommandResult.Accepted.class);
        // Another writer of the same store took c-1 at version 1 with an event of its own.
        store.append(new AppendRequest("t-1", 0, "c-1", Instant.EPOCH, List.of(new NewEvent("Added", 1, "{\"player\":\"eve\",\"amount\":9}".getBytes()))));

        assertThatThrownBy(() -> engine.flush("t-1")).isInstanceOf(DuplicateCommandException.class).hasMessageContaining("c-1");
        assertThatThrownBy(() -> engine.flush("t-1")).as("still, when tried again").isInstanceOf(DuplicateCommandException.class);
        assertThatThrownBy(engine::close).as("and said so at the close, not dropped").isInstanceOf(StoreException.class)
                .hasMessageContaining("could not be flushed");
    }
}
