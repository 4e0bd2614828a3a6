package dev.statecraft.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.ArchivedGame;
import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.DuplicateCommandException;
import dev.statecraft.store.GameRecord;
import dev.statecraft.store.NewEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command records written in bulk after their events (decision record 0009), read from a second connection as another process would. */
class CommandBacklogTest {
    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("statecraft.db");
    }

    @Test
    void a_games_records_wait_until_enough_do_then_reach_the_table_together_and_a_retried_id_is_refused_all_along() throws SQLException {
        try (SqliteStore store = SqliteStore.open(file())) {
            for (int i = 0; i < CommandBacklog.PER_GAME - 1; i++) {
                append(store, "g-1", i, "c-" + i);
            }
            append(store, "g-2", 0, "c-0");
            assertThat(count("SELECT COUNT(*) FROM commands")).as("records in the table").isZero();
            assertThat(count("SELECT from_version FROM command_backlog WHERE game_id = 'g-1'")).as("g-1 marked from its first waiting version").isEqualTo(1);
            assertThat(store.events().findCommand("g-1", "c-3")).contains(new CommandRecord("g-1", "c-3", 4, 4));
            assertThatThrownBy(() -> append(store, "g-1", CommandBacklog.PER_GAME - 1, "c-3")).isInstanceOf(DuplicateCommandException.class);

            append(store, "g-1", CommandBacklog.PER_GAME - 1, "c-last");
            assertThat(count("SELECT COUNT(*) FROM commands WHERE game_id = 'g-1'")).as("g-1's records, written together").isEqualTo(CommandBacklog.PER_GAME);
            assertThat(count("SELECT COUNT(*) FROM command_backlog WHERE game_id = 'g-1'")).as("g-1's mark, cleared by the write").isZero();
            assertThat(count("SELECT COUNT(*) FROM commands WHERE game_id = 'g-2'")).as("g-2's one record still waits").isZero();
            assertThat(store.events().findCommand("g-1", "c-3")).contains(new CommandRecord("g-1", "c-3", 4, 4));
            assertThatThrownBy(() -> append(store, "g-1", CommandBacklog.PER_GAME, "c-3")).isInstanceOf(DuplicateCommandException.class);
            assertThatThrownBy(() -> append(store, "g-2", 1, "c-0")).isInstanceOf(DuplicateCommandException.class);
        }
        assertThat(count("SELECT COUNT(*) FROM commands")).as("every record written by the close").isEqualTo(CommandBacklog.PER_GAME + 1);
        assertThat(count("SELECT COUNT(*) FROM command_backlog")).isZero();
    }

    @Test
    void once_too_many_records_wait_in_all_every_one_is_written() throws SQLException {
        int perGame = CommandBacklog.PER_GAME - 1;
        int games = CommandBacklog.MAX_WAITING / perGame + 1;
        try (SqliteStore store = SqliteStore.open(file())) {
            for (int round = 0; round < perGame; round++) {
                List<CompletableFuture<Long>> appends = new ArrayList<>(games);
                for (int g = 0; g < games; g++) {
                    appends.add(store.events().appendAsync(request("g-" + g, round, "c-" + round)));
                }
                appends.forEach(CompletableFuture::join);
            }
            long written = count("SELECT COUNT(*) FROM commands");
            assertThat(written).as("records written while the store is open").isGreaterThanOrEqualTo(CommandBacklog.MAX_WAITING);
            assertThat(store.events().findCommand("g-0", "c-0")).isPresent();
        }
    }

    @Test
    void records_a_crash_left_unwritten_are_written_from_the_events_when_the_store_opens_again() throws SQLException {
        try (SqliteStore store = SqliteStore.open(file())) {
            append(store, "g-1", 0, "c-0");
        }
        // What a process killed before its bulk write leaves: events, and the mark of their game, without their records.
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = sql.createStatement()) {
            s.executeUpdate("INSERT INTO events (game_id, version, type, schema_version, payload, recorded_at, command_id) VALUES "
                    + "('g-1', 2, 'Tick', 1, x'7b7d', 0, 'c-1'), ('g-1', 3, 'Tock', 1, x'7b7d', 0, 'c-1'), ('g-1', 4, 'Tick', 1, x'7b7d', 0, 'c-2')");
            s.executeUpdate("INSERT INTO command_backlog (game_id, from_version) VALUES ('g-1', 2)");
        }

        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(count("SELECT COUNT(*) FROM command_backlog")).isZero();
            assertThat(count("SELECT COUNT(*) FROM commands WHERE game_id = 'g-1'")).isEqualTo(3);
            assertThat(store.events().findCommand("g-1", "c-1")).contains(new CommandRecord("g-1", "c-1", 2, 3));
            assertThat(store.events().findCommand("g-1", "c-2")).contains(new CommandRecord("g-1", "c-2", 4, 4));
            assertThatThrownBy(() -> append(store, "g-1", 4, "c-1")).isInstanceOf(DuplicateCommandException.class);
        }
    }

    @Test
    void an_archived_game_takes_its_waiting_records_along_and_none_reaches_the_active_table_later() throws SQLException {
        try (SqliteStore store = SqliteStore.open(file())) {
            store.games().register(new GameRecord("g-1", "test", Map.of(), Instant.EPOCH));
            append(store, "g-1", 0, "c-0");
            append(store, "g-1", 1, "c-1");
            append(store, "g-2", 0, "c-0");
            store.archive().archive(new ArchivedGame("g-1", "test", Map.of(), Instant.EPOCH, Instant.EPOCH, "done", 2, 2, 1, new byte[1], new byte[1]));

            assertThat(store.events().findCommand("g-1", "c-0")).isEmpty();
            assertThat(store.events().findCommand("g-2", "c-0")).isPresent();
        }
        assertThat(count("SELECT COUNT(*) FROM commands WHERE game_id = 'g-1'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM commands WHERE game_id = 'g-2'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM command_backlog")).isZero();
    }

    private static void append(SqliteStore store, String gameId, long expectedVersion, String commandId) {
        store.events().append(request(gameId, expectedVersion, commandId));
    }

    private static AppendRequest request(String gameId, long expectedVersion, String commandId) {
        return new AppendRequest(gameId, expectedVersion, commandId, Instant.EPOCH, List.of(new NewEvent("Tick", 1, "{}".getBytes())));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
