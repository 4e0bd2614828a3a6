package dev.statecraft.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.GameRecord;
import dev.statecraft.store.NewEvent;
import dev.statecraft.store.StoreException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Which thread runs a write, and in what order (decision record 0010). */
class GroupCommitWriterTest {
    @TempDir
    Path folder;

    @Test
    void on_a_quiet_store_a_platform_caller_commits_its_write_on_its_own_thread_and_the_writer_thread_runs_the_rest() throws Exception {
        Path file = folder.resolve("statecraft.db");
        try (GroupCommitWriter writer = newWriter(file)) {
            Thread caller = Thread.currentThread();

            Thread ranExecuted = writer.execute((session, versions, journal) -> Thread.currentThread());
            Thread ranSubmitted = writer.submit((session, versions, journal) -> Thread.currentThread()).join();
            CompletableFuture<Thread> ranForVirtual = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> ranForVirtual.complete(writer.execute((session, versions, journal) -> Thread.currentThread()))).join();

            assertThat(ranExecuted).isSameAs(caller);
            assertThat(ranSubmitted.getName()).isEqualTo("statecraft-sqlite-writer");
            assertThat(ranForVirtual.join().getName()).as("a virtual thread's write, not pinning its carrier").isEqualTo("statecraft-sqlite-writer");
        }
    }

    @Test
    void a_write_waited_for_runs_after_the_writes_of_its_game_submitted_before_it() {
        try (SqliteStore store = SqliteStore.open(folder.resolve("statecraft.db"))) {
            store.games().register(new GameRecord("g", "test", Map.of(), Instant.EPOCH));
            List<CompletableFuture<Long>> started = new ArrayList<>();
            long version = 0;
            for (int i = 0; i < 2_000; i++) {
                // The writer thread takes the first append off its queue before it takes the lock; the caller
                // of the second, finding the lock free in that moment, must not run its append first.
                started.add(store.events().appendAsync(tick(version++)));
                assertThat(store.events().append(tick(version++))).isEqualTo(version);
            }

            assertThat(started).allMatch(append -> !append.isCompletedExceptionally());
            assertThat(store.events().lastVersion("g")).isEqualTo(4_000);
        }
    }

    @Test
    @Timeout(60) // a writer thread killed by the error would leave the submitted write waiting for ever
    void a_write_that_throws_an_error_fails_alone_leaves_nothing_behind_and_the_writer_goes_on() throws Exception {
        Path file = folder.resolve("statecraft.db");
        try (GroupCommitWriter writer = newWriter(file)) {
            // On the caller's thread, then on the writer thread: an Error escapes the write's own checks.
            assertThatThrownBy(() -> writer.execute((session, versions, journal) -> {
                register(session, "half-1");
                throw new AssertionError("a bug in a write");
            })).isInstanceOf(StoreException.class).hasMessageContaining("a bug in a write");
            CompletableFuture<Object> submitted = writer.submit((session, versions, journal) -> {
                register(session, "half-2");
                throw new AssertionError("another bug");
            });
            assertThatThrownBy(submitted::join).hasCauseInstanceOf(StoreException.class).hasMessageContaining("another bug");

            writer.execute((session, versions, journal) -> register(session, "whole-1"));
            writer.submit((session, versions, journal) -> register(session, "whole-2")).join();
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            assertThat(store.games().find("whole-1")).isPresent();
            assertThat(store.games().find("whole-2")).isPresent();
            assertThat(store.games().find("half-1")).isEmpty();
            assertThat(store.games().find("half-2")).isEmpty();
        }
    }

    @Test
    @Timeout(60)
    void a_write_waited_for_from_inside_a_batch_is_refused_not_deadlocked() throws Exception {
        Path file = folder.resolve("statecraft.db");
        try (GroupCommitWriter writer = newWriter(file)) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> first = writer.submit((session, versions, journal) -> {
                awaitQuietly(release);
                return null;
            });
            // Completed by the writer thread inside its batch, so the callback runs there.
            CompletableFuture<String> nested = first.thenApply(done -> writer.execute((session, versions, journal) -> "nested"));
            release.countDown();

            assertThatThrownBy(nested::join).hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("from inside a batch");
            String after = writer.execute((session, versions, journal) -> "after");
            assertThat(after).isEqualTo("after");
        }
    }

    /** A writer on a migrated, empty store file of its own, as {@link SqliteStore} builds it. */
    private static GroupCommitWriter newWriter(Path file) throws SQLException {
        SqliteStore.open(file).close();
        return new GroupCommitWriter(file, new SqlSession(new ConnectionFactory(file, SqliteOptions.defaults()).openWriter()), new EventJournal(CommandIdFilter.off()), 100,
                WriterListener.NONE);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Void register(SqlSession session, String gameId) throws SQLException {
        PreparedStatement insert = session.prepared("INSERT INTO games (game_id, game_type, setup, created_at) VALUES (?, 'test', '{}', 0)");
        insert.setString(1, gameId);
        insert.executeUpdate();
        return null;
    }

    private static AppendRequest tick(long expectedVersion) {
        return new AppendRequest("g", expectedVersion, "c-" + expectedVersion, Instant.EPOCH, List.of(new NewEvent("Tick", 1, "{}".getBytes())));
    }
}
