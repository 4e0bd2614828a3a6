package dev.statecraft.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.GameNotFoundException;
import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.ArchivedGame;
import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.DuplicateCommandException;
import dev.statecraft.store.GameAlreadyExistsException;
import dev.statecraft.store.GameImport;
import dev.statecraft.store.GameRecord;
import dev.statecraft.store.NewEvent;
import dev.statecraft.store.Snapshot;
import dev.statecraft.store.Store;
import dev.statecraft.store.StoreException;
import dev.statecraft.store.StoredEvent;
import dev.statecraft.store.VersionConflictException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store must do. A store's test is a subclass that says how to open a fresh, empty store:
 *
 * <pre>{@code
 * class SqliteStoreConformanceTest extends StoreConformanceSuite {
 *     @TempDir Path dir;
 *     protected Store openEmptyStore() { return SqliteStore.open(dir.resolve("test.db")); }
 * }
 * }</pre>
 */
public abstract class StoreConformanceSuite {
    protected static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");

    protected Store store;

    /** A store with no games in it; the suite closes it after each test. */
    protected abstract Store openEmptyStore();

    @BeforeEach
    void openStore() {
        store = openEmptyStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    // --- event log

    @Test
    void appended_events_are_read_back_in_order_with_type_schema_version_time_and_command() {
        long version = store.events().append(append("g-1", 0, "c-1", T0, event("Joined", 1, "{\"p\":\"ann\"}"), event("Started", 2, "{}")));

        assertThat(version).isEqualTo(2);
        assertThat(store.events().read("g-1", 1, 10)).containsExactly(
                new StoredEvent("g-1", 1, "Joined", 1, bytes("{\"p\":\"ann\"}"), T0, "c-1"),
                new StoredEvent("g-1", 2, "Started", 2, bytes("{}"), T0, "c-1"));
        assertThat(store.events().lastVersion("g-1")).isEqualTo(2);
    }

    @Test
    void a_game_without_events_is_at_version_zero_and_reads_nothing() {
        assertThat(store.events().lastVersion("nobody")).isZero();
        assertThat(store.events().read("nobody", 1, 100)).isEmpty();
        assertThat(store.events().readUpTo("nobody", T0)).isEmpty();
        assertThat(store.events().findCommand("nobody", "c-1")).isEmpty();
    }

    @Test
    void read_returns_only_the_requested_range() {
        appendOneEventEach("g-1", 10);

        assertThat(store.events().read("g-1", 4, 6)).extracting(StoredEvent::version).containsExactly(4L, 5L, 6L);
        assertThat(store.events().read("g-1", 9, 100)).extracting(StoredEvent::version).containsExactly(9L, 10L);
        assertThat(store.events().read("g-1", 11, 20)).isEmpty();
        assertThat(store.events().read("g-1", 6, 5)).isEmpty();
    }

    @Test
    void read_up_to_an_instant_includes_events_recorded_at_it_and_none_after() {
        for (int i = 1; i <= 5; i++) {
            store.events().append(append("g-1", i - 1, "c-" + i, T0.plusSeconds(i), event("Tick", 1, "{}")));
        }

        assertThat(store.events().readUpTo("g-1", T0.plusSeconds(3))).extracting(StoredEvent::version).containsExactly(1L, 2L, 3L);
        assertThat(store.events().readUpTo("g-1", T0.plusSeconds(3).minusNanos(1000))).extracting(StoredEvent::version).containsExactly(1L, 2L);
        assertThat(store.events().readUpTo("g-1", T0)).isEmpty();
    }

    @Test
    void an_append_at_a_stale_version_fails_with_a_conflict_that_names_both_versions_and_writes_nothing() {
        appendOneEventEach("g-1", 3);

        assertThatThrownBy(() -> store.events().append(append("g-1", 2, "late", T0, event("Tick", 1, "{}"))))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.expected()).isEqualTo(2);
                    assertThat(e.actual()).isEqualTo(3);
                    assertThat(e).hasMessage("game g-1: expected version 2 but was 3");
                });
        assertThat(store.events().lastVersion("g-1")).isEqualTo(3);
        assertThat(store.events().findCommand("g-1", "late")).isEmpty();
    }

    @Test
    void an_append_ahead_of_the_game_fails_with_a_conflict() {
        assertThatThrownBy(() -> store.events().append(append("g-1", 5, "c-1", T0, event("Tick", 1, "{}"))))
                .isInstanceOf(VersionConflictException.class);
        assertThat(store.events().lastVersion("g-1")).isZero();
    }

    @Test
    void a_command_id_is_recorded_once_and_a_second_append_with_it_fails_naming_the_original_versions() {
        store.events().append(append("g-1", 0, "c-1", T0, event("A", 1, "{}"), event("B", 1, "{}")));

        assertThat(store.events().findCommand("g-1", "c-1")).contains(new CommandRecord("g-1", "c-1", 1, 2));
        assertThatThrownBy(() -> store.events().append(append("g-1", 2, "c-1", T0, event("A", 1, "{}"))))
                .isInstanceOfSatisfying(DuplicateCommandException.class,
                        e -> assertThat(e.original()).isEqualTo(new CommandRecord("g-1", "c-1", 1, 2)));
        assertThat(store.events().lastVersion("g-1")).isEqualTo(2);
    }

    @Test
    void a_retry_of_a_stored_append_at_its_old_expected_version_is_refused_as_a_duplicate_not_as_a_conflict() {
        store.events().append(append("g-1", 0, "c-1", T0, event("A", 1, "{}")));
        store.events().append(append("g-1", 1, "c-2", T0, event("B", 1, "{}")));

        // What a writer told its append failed, though it was stored, sends again: the engine's write-behind counts on it.
        assertThatThrownBy(() -> store.events().append(append("g-1", 0, "c-1", T0, event("A", 1, "{}"))))
                .isInstanceOfSatisfying(DuplicateCommandException.class,
                        e -> assertThat(e.original()).isEqualTo(new CommandRecord("g-1", "c-1", 1, 1)));
        assertThat(store.events().lastVersion("g-1")).isEqualTo(2);
    }

    @Test
    void the_same_command_id_in_two_games_is_two_commands() {
        store.events().append(append("g-1", 0, "c-1", T0, event("A", 1, "{}")));
        store.events().append(append("g-2", 0, "c-1", T0, event("A", 1, "{}")));

        assertThat(store.events().findCommand("g-2", "c-1")).contains(new CommandRecord("g-2", "c-1", 1, 1));
    }

    @Test
    void games_do_not_see_each_others_events() {
        appendOneEventEach("g-1", 3);
        appendOneEventEach("g-2", 2);

        assertThat(store.events().read("g-1", 1, 100)).extracting(StoredEvent::gameId).containsOnly("g-1").hasSize(3);
        assertThat(store.events().read("g-2", 1, 100)).extracting(StoredEvent::gameId).containsOnly("g-2").hasSize(2);
    }

    @Test
    void payloads_of_every_byte_value_and_of_a_megabyte_round_trip_unchanged() {
        byte[] allBytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            allBytes[i] = (byte) i;
        }
        byte[] large = new byte[1 << 20];
        new java.util.Random(7).nextBytes(large);
        store.events().append(append("g-1", 0, "c-1", T0, new NewEvent("Bytes", 1, allBytes), new NewEvent("Large", 1, large)));

        List<StoredEvent> read = store.events().read("g-1", 1, 2);
        assertThat(read.get(0).payload()).isEqualTo(allBytes);
        assertThat(read.get(1).payload()).isEqualTo(large);
    }

    @Test
    void concurrent_appends_to_one_game_from_many_threads_lose_nothing_and_leave_no_gap() throws Exception {
        int threads = 8;
        int appendsPerThread = 100;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        runConcurrently(threads, thread -> {
            for (int i = 0; i < appendsPerThread; i++) {
                String commandId = "t" + thread + "-" + i;
                while (true) {
                    long expected = store.events().lastVersion("shared");
                    try {
                        store.events().append(append("shared", expected, commandId, T0, event("Tick", 1, "{\"t\":" + thread + "}")));
                        acknowledged.add(commandId);
                        break;
                    } catch (VersionConflictException e) {
                        Thread.onSpinWait();
                    }
                }
            }
        });

        List<StoredEvent> events = store.events().read("shared", 1, Long.MAX_VALUE);
        assertThat(events).hasSize(threads * appendsPerThread);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).version()).isEqualTo(i + 1);
        }
        assertThat(events).extracting(StoredEvent::commandId).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acknowledged);
    }

    @Test
    void concurrent_appends_to_many_games_each_end_gapless() throws Exception {
        int threads = 8;
        int games = 16;
        int appendsPerThread = 80;
        runConcurrently(threads, thread -> {
            for (int i = 0; i < appendsPerThread; i++) {
                String game = "g-" + ((thread + i) % games);
                while (true) {
                    long expected = store.events().lastVersion(game);
                    try {
                        store.events().append(append(game, expected, "t" + thread + "-" + i, T0, event("Tick", 1, "{}")));
                        break;
                    } catch (VersionConflictException e) {
                        Thread.onSpinWait();
                    }
                }
            }
        });

        long total = 0;
        for (int g = 0; g < games; g++) {
            List<StoredEvent> events = store.events().read("g-" + g, 1, Long.MAX_VALUE);
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).version()).as("g-%d", g).isEqualTo(i + 1);
            }
            total += events.size();
        }
        assertThat(total).isEqualTo((long) threads * appendsPerThread);
    }

    // --- snapshots

    @Test
    void the_latest_snapshot_and_the_latest_at_or_before_a_version_are_found() {
        Snapshot at3 = new Snapshot("g-1", 3, 1, bytes("three"), T0);
        Snapshot at7 = new Snapshot("g-1", 7, 2, bytes("seven"), T0.plusSeconds(1));
        store.snapshots().save(at3);
        store.snapshots().save(at7);

        assertThat(store.snapshots().latest("g-1")).contains(at7);
        assertThat(store.snapshots().latestAtOrBefore("g-1", 6)).contains(at3);
        assertThat(store.snapshots().latestAtOrBefore("g-1", 7)).contains(at7);
        assertThat(store.snapshots().latestAtOrBefore("g-1", 2)).isEmpty();
        assertThat(store.snapshots().latest("g-2")).isEmpty();
    }

    @Test
    void saving_a_snapshot_again_at_the_same_version_replaces_it() {
        store.snapshots().save(new Snapshot("g-1", 3, 1, bytes("old"), T0));
        Snapshot replacement = new Snapshot("g-1", 3, 2, bytes("new"), T0.plusSeconds(5));
        store.snapshots().save(replacement);

        assertThat(store.snapshots().latest("g-1")).contains(replacement);
    }

    // --- catalog

    @Test
    void a_registered_game_is_found_and_listed_in_id_order_page_by_page() {
        for (String id : List.of("b", "a", "d", "c")) {
            store.games().register(new GameRecord(id, "cards", Map.of("handSize", "5"), T0));
        }

        assertThat(store.games().find("c")).contains(new GameRecord("c", "cards", Map.of("handSize", "5"), T0));
        assertThat(store.games().find("zz")).isEmpty();
        assertThat(store.games().list("", 3)).extracting(GameRecord::gameId).containsExactly("a", "b", "c");
        assertThat(store.games().list("c", 3)).extracting(GameRecord::gameId).containsExactly("d");
    }

    @Test
    void registering_a_taken_id_fails_and_keeps_the_first_game() {
        store.games().register(new GameRecord("g-1", "cards", Map.of(), T0));

        assertThatThrownBy(() -> store.games().register(new GameRecord("g-1", "world", Map.of(), T0)))
                .isInstanceOf(GameAlreadyExistsException.class).hasMessageContaining("g-1");
        assertThat(store.games().find("g-1")).map(GameRecord::gameType).contains("cards");
    }

    @Test
    void the_most_recently_active_games_come_first_by_last_event_or_snapshot_or_creation() {
        store.games().register(new GameRecord("created-late", "cards", Map.of(), T0.plusSeconds(30)));
        store.games().register(new GameRecord("played", "cards", Map.of(), T0));
        store.games().register(new GameRecord("snapshotted", "cards", Map.of(), T0));
        store.games().register(new GameRecord("idle", "cards", Map.of(), T0));
        store.events().append(append("played", 0, "c-1", T0.plusSeconds(60), event("Tick", 1, "{}")));
        store.snapshots().save(new Snapshot("snapshotted", 0, 1, bytes("s"), T0.plusSeconds(45)));

        assertThat(store.games().mostRecentlyActive(3)).extracting(GameRecord::gameId).containsExactly("played", "snapshotted", "created-late");
    }

    @Test
    void asynchronous_appends_of_one_game_started_together_complete_in_order() {
        List<java.util.concurrent.CompletableFuture<Long>> pending = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pending.add(store.events().appendAsync(append("g-1", i, "c-" + i, T0, event("Tick", 1, "{}"))));
        }
        pending.add(store.events().appendAsync(append("g-1", 10, "late", T0, event("Tick", 1, "{}"))));

        for (int i = 0; i < 50; i++) {
            assertThat(pending.get(i).join()).isEqualTo(i + 1);
        }
        assertThatThrownBy(() -> pending.getLast().join()).hasCauseInstanceOf(VersionConflictException.class);
        assertThat(store.events().lastVersion("g-1")).isEqualTo(50);
    }

    // --- archive

    @Test
    void archiving_moves_the_game_out_of_the_active_tables_into_one_complete_history_record() {
        store.games().register(new GameRecord("g-1", "cards", Map.of("handSize", "5"), T0));
        appendOneEventEach("g-1", 4);
        store.snapshots().save(new Snapshot("g-1", 2, 1, bytes("state"), T0));
        ArchivedGame record = archivedGame("g-1");

        store.archive().archive(record);

        assertThat(store.archive().findArchived("g-1")).contains(record);
        assertThat(store.games().find("g-1")).isEmpty();
        assertThat(store.events().read("g-1", 1, 100)).isEmpty();
        assertThat(store.events().lastVersion("g-1")).isZero();
        assertThat(store.events().findCommand("g-1", "c-1")).isEmpty();
        assertThat(store.snapshots().latest("g-1")).isEmpty();
    }

    @Test
    void archived_games_are_listed_in_id_order_page_by_page() {
        for (String id : List.of("m-2", "m-1", "m-3")) {
            store.games().register(new GameRecord(id, "cards", Map.of(), T0));
            store.archive().archive(archivedGame(id));
        }

        assertThat(store.archive().listArchived("", 2)).extracting(ArchivedGame::gameId).containsExactly("m-1", "m-2");
        assertThat(store.archive().listArchived("m-2", 2)).extracting(ArchivedGame::gameId).containsExactly("m-3");
    }

    @Test
    void archiving_a_game_that_is_not_active_fails_and_changes_nothing() {
        assertThatThrownBy(() -> store.archive().archive(archivedGame("ghost"))).isInstanceOf(GameNotFoundException.class);
        assertThat(store.archive().findArchived("ghost")).isEmpty();
    }

    @Test
    void an_archived_game_id_cannot_be_registered_or_appended_to_again() {
        store.games().register(new GameRecord("g-1", "cards", Map.of(), T0));
        store.archive().archive(archivedGame("g-1"));

        assertThatThrownBy(() -> store.games().register(new GameRecord("g-1", "cards", Map.of(), T0)))
                .isInstanceOf(GameAlreadyExistsException.class);
        assertThatThrownBy(() -> store.events().append(append("g-1", 0, "c-9", T0, event("A", 1, "{}"))))
                .isInstanceOf(StoreException.class).hasMessageContaining("g-1");
        assertThat(store.events().lastVersion("g-1")).isZero();
    }

    @Test
    void archiving_one_game_leaves_the_others_untouched() {
        store.games().register(new GameRecord("g-1", "cards", Map.of(), T0));
        store.games().register(new GameRecord("g-2", "cards", Map.of(), T0));
        appendOneEventEach("g-1", 2);
        appendOneEventEach("g-2", 3);

        store.archive().archive(archivedGame("g-1"));

        assertThat(store.games().find("g-2")).isPresent();
        assertThat(store.events().lastVersion("g-2")).isEqualTo(3);
    }

    // --- import

    @Test
    void an_imported_game_is_registered_at_its_last_version_with_every_event_and_command_recorded() {
        GameRecord record = new GameRecord("g-1", "cards", Map.of("handSize", "5"), T0);

        store.importGame(new GameImport(record, List.of(
                append("g-1", 0, "c-1", T0, event("Joined", 1, "{\"p\":\"ann\"}"), event("Started", 1, "{}")),
                append("g-1", 2, "c-2", T0.plusSeconds(5), event("Played", 1, "{}")))));

        assertThat(store.games().find("g-1")).contains(record);
        assertThat(store.events().read("g-1", 1, 10)).containsExactly(
                new StoredEvent("g-1", 1, "Joined", 1, bytes("{\"p\":\"ann\"}"), T0, "c-1"),
                new StoredEvent("g-1", 2, "Started", 1, bytes("{}"), T0, "c-1"),
                new StoredEvent("g-1", 3, "Played", 1, bytes("{}"), T0.plusSeconds(5), "c-2"));
        assertThat(store.events().findCommand("g-1", "c-1")).contains(new CommandRecord("g-1", "c-1", 1, 2));
        assertThat(store.events().findCommand("g-1", "c-2")).contains(new CommandRecord("g-1", "c-2", 3, 3));
        assertThat(store.events().append(append("g-1", 3, "c-3", T0, event("Played", 1, "{}")))).as("the game goes on from there").isEqualTo(4);
    }

    @Test
    void importing_a_game_whose_id_is_active_or_archived_fails_and_changes_nothing() {
        store.games().register(new GameRecord("active", "cards", Map.of(), T0));
        appendOneEventEach("active", 2);
        store.games().register(new GameRecord("archived", "cards", Map.of(), T0));
        store.archive().archive(archivedGame("archived"));

        for (String id : List.of("active", "archived")) {
            GameImport again = new GameImport(new GameRecord(id, "world", Map.of(), T0),
                    List.of(append(id, 0, "other-1", T0, event("Other", 1, "{}"))));
            assertThatThrownBy(() -> store.importGame(again)).isInstanceOf(GameAlreadyExistsException.class).hasMessageContaining(id);
        }
        assertThat(store.games().find("active")).map(GameRecord::gameType).contains("cards");
        assertThat(store.events().lastVersion("active")).isEqualTo(2);
        assertThat(store.events().findCommand("active", "other-1")).isEmpty();
        assertThat(store.events().lastVersion("archived")).isZero();
        assertThat(store.games().find("archived")).isEmpty();
    }

    @Test
    void an_imported_game_is_read_whole_or_not_at_all_by_readers_during_the_import() throws Exception {
        List<AppendRequest> history = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            history.add(append("big", i, "c-" + i, T0, event("Tick", 1, "{}")));
        }
        List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (store.games().find("big").isPresent()) {
                    seen.add(store.events().lastVersion("big"));
                    return;
                }
                seen.add(store.events().lastVersion("big"));
            }
        });

        store.importGame(new GameImport(new GameRecord("big", "world", Map.of(), T0), history));
        reader.join(10_000);
        reader.interrupt();

        assertThat(seen).as("versions a reader saw while the import ran").isNotEmpty().allMatch(v -> v == 0 || v == 200);
        assertThat(seen.getLast()).isEqualTo(200);
    }

    // --- helpers

    protected static NewEvent event(String type, int schemaVersion, String json) {
        return new NewEvent(type, schemaVersion, bytes(json));
    }

    protected static AppendRequest append(String gameId, long expectedVersion, String commandId, Instant at, NewEvent... events) {
        return new AppendRequest(gameId, expectedVersion, commandId, at, List.of(events));
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    protected void appendOneEventEach(String gameId, int count) {
        for (int i = 1; i <= count; i++) {
            store.events().append(append(gameId, i - 1, "c-" + i, T0, event("Tick", 1, "{\"n\":" + i + "}")));
        }
    }

    protected static ArchivedGame archivedGame(String gameId) {
        return new ArchivedGame(gameId, "cards", Map.of("handSize", "5"), T0, T0.plusSeconds(90), "ann won", 4, 4, 1,
                bytes("{\"final\":true}"), bytes("bundle of " + gameId));
    }

    protected interface ThreadBody {
        void run(int thread) throws Exception;
    }

    /** Starts all threads at once and rethrows the first failure. */
    protected static void runConcurrently(int threads, ThreadBody body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    body.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
