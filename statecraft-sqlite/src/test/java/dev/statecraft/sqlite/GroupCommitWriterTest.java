package dev.statecraft.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.GameRecord;
import dev.statecraft.store.NewEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which thread runs a write, and in what order (decision record 0010). */
class GroupCommitWriterTest {
    @TempDir
    Path folder;

    @Test
    void on_a_quiet_store_the_caller_commits_its_write_on_its_own_thread_and_the_writer_thread_runs_what_is_submitted() throws Exception {
        Path file = folder.resolve("statecraft.db");
        SqliteStore.open(file).close();
        try (GroupCommitWriter writer = new GroupCommitWriter(file, new SqlSession(new ConnectionFactory(file, SqliteOptions.defaults()).openWriter()),
                new CommandBacklog(), 100, WriterListener.NONE)) {
            Thread caller = Thread.currentThread();

            Thread ranExecuted = writer.execute((session, versions, commands) -> Thread.currentThread());
            Thread ranSubmitted = writer.submit((session, versions, commands) -> Thread.currentThread()).join();

            assertThat(ranExecuted).isSameAs(caller);
            assertThat(ranSubmitted.getName()).isEqualTo("statecraft-sqlite-writer");
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

    private static AppendRequest tick(long expectedVersion) {
        return new AppendRequest("g", expectedVersion, "c-" + expectedVersion, Instant.EPOCH, List.of(new NewEvent("Tick", 1, "{}".getBytes())));
    }
}
