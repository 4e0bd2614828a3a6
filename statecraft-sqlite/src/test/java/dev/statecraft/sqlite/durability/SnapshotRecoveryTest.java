package dev.statecraft.sqlite.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.statecraft.engine.Engine;
import dev.statecraft.engine.EngineOptions;
import dev.statecraft.engine.Recovery;
import dev.statecraft.engine.Versioned;
import dev.statecraft.examples.cards.CardState;
import dev.statecraft.persistence.Persistence;
import dev.statecraft.persistence.Strategy;
import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Setup;
import dev.statecraft.sqlite.SqliteStore;
import dev.statecraft.store.StoreException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotRecoveryTest {
    private static final GameType<?, ?, ?, ?> EVERY_FIVE = TestTypes.cards("cards", Persistence.defaults().withSnapshotEvery(5));

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("statecraft.db");
    }

    private Engine engine(SqliteStore store, GameType<?, ?, ?, ?> type, Recovery recovery, SimpleMeterRegistry metrics) {
        return Engine.builder().store(store).register(type).seed(7).metrics(metrics)
                .options(EngineOptions.defaults().withRecovery(recovery).withPassivateAfter(Duration.ZERO)).build();
    }

    /** Plays a match part way, waits for its snapshots to be written, and returns its state at the end. */
    private Versioned<Object> playWithSnapshots(SqliteStore store) {
        try (Engine engine = engine(store, EVERY_FIVE, Recovery.LATEST, new SimpleMeterRegistry())) {
            engine.create(EVERY_FIVE, "m-1", Setup.empty());
            Moves.seatBoth(engine, "m-1");
            Moves.play(engine, "m-1", 12);
            Versioned<Object> state = engine.state("m-1");
            await().until(() -> store.snapshots().latest("m-1").map(s -> s.version() >= 10).orElse(false));
            return state;
        }
    }

    @Test
    void a_game_is_loaded_from_its_latest_snapshot_plus_later_events_and_equals_a_full_replay() {
        Versioned<Object> played;
        try (SqliteStore store = SqliteStore.open(file())) {
            played = playWithSnapshots(store);
        }
        try (SqliteStore store = SqliteStore.open(file())) {
            SimpleMeterRegistry latestMetrics = new SimpleMeterRegistry();
            Versioned<Object> latest;
            try (Engine engine = engine(store, EVERY_FIVE, Recovery.LATEST, latestMetrics)) {
                latest = engine.state("m-1");
            }
            Versioned<Object> replayed;
            try (Engine engine = engine(store, EVERY_FIVE, Recovery.FROM_EVENTS, new SimpleMeterRegistry())) {
                replayed = engine.state("m-1");
            }
            assertThat(latest).isEqualTo(played).isEqualTo(replayed);
            assertThat(latestMetrics.get("statecraft.games.loads.time").tag("source", "snapshot").timer().count()).isEqualTo(1);
        }
    }

    @Test
    void a_snapshot_with_flipped_bytes_is_refused_and_the_game_is_rebuilt_from_events() throws SQLException {
        Versioned<Object> played;
        try (SqliteStore store = SqliteStore.open(file())) {
            played = playWithSnapshots(store);
        }
        flipOneByteOfEverySnapshot();

        try (SqliteStore store = SqliteStore.open(file())) {
            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            try (Engine engine = engine(store, EVERY_FIVE, Recovery.LATEST, metrics)) {
                assertThat(engine.state("m-1")).isEqualTo(played);
            }
            assertThat(metrics.get("statecraft.snapshots").tag("outcome", "refused").counter().count()).isEqualTo(1);
            assertThat(metrics.get("statecraft.games.loads.time").tag("source", "events").timer().count()).isEqualTo(1);
        }
    }

    @Test
    void a_snapshot_of_an_older_state_schema_is_refused_and_the_game_is_rebuilt_from_events() {
        Versioned<Object> played;
        try (SqliteStore store = SqliteStore.open(file())) {
            played = playWithSnapshots(store);
        }
        GameType<?, ?, ?, ?> newerSchema = TestTypes.cards("cards", Persistence.defaults().withSnapshotEvery(5), 2);

        try (SqliteStore store = SqliteStore.open(file())) {
            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            try (Engine engine = engine(store, newerSchema, Recovery.LATEST, metrics)) {
                assertThat(engine.state("m-1", CardState.class).value()).isEqualTo(played.value());
            }
            assertThat(metrics.get("statecraft.snapshots").tag("outcome", "refused").counter().count()).isEqualTo(1);
        }
    }

    @Test
    void a_snapshots_only_game_whose_snapshot_is_damaged_is_refused_by_name_and_never_served_wrong() throws SQLException {
        GameType<?, ?, ?, ?> snapshotsOnly = TestTypes.cards("cards-latest", Persistence.defaults().withStrategy(Strategy.SNAPSHOTS_ONLY));
        try (SqliteStore store = SqliteStore.open(file()); Engine engine = engine(store, snapshotsOnly, Recovery.LATEST, new SimpleMeterRegistry())) {
            engine.create(snapshotsOnly, "m-1", Setup.empty());
            Moves.seatBoth(engine, "m-1");
            assertThat(store.events().lastVersion("m-1")).isZero();
            assertThat(store.snapshots().latest("m-1")).map(s -> s.version()).contains(3L);
        }
        flipOneByteOfEverySnapshot();

        try (SqliteStore store = SqliteStore.open(file()); Engine engine = engine(store, snapshotsOnly, Recovery.LATEST, new SimpleMeterRegistry())) {
            assertThatThrownBy(() -> engine.state("m-1"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("game m-1")
                    .hasMessageContaining("checksum mismatch")
                    .hasMessageContaining("not loaded rather than served in a wrong state");
        }
    }

    @Test
    void a_truncated_database_file_is_refused_at_open_with_a_message_naming_the_file() throws IOException {
        try (SqliteStore store = SqliteStore.open(file())) {
            playWithSnapshots(store);
        }
        try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }

        assertThatThrownBy(() -> SqliteStore.open(file()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file().toAbsolutePath().toString());
    }

    private void flipOneByteOfEverySnapshot() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file().toAbsolutePath());
             PreparedStatement select = c.prepareStatement("SELECT game_id, version, payload FROM snapshots");
             PreparedStatement update = c.prepareStatement("UPDATE snapshots SET payload = ? WHERE game_id = ? AND version = ?");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                byte[] payload = rs.getBytes(3);
                payload[payload.length - 3] ^= 0x5A;
                update.setBytes(1, payload);
                update.setString(2, rs.getString(1));
                update.setLong(3, rs.getLong(2));
                update.executeUpdate();
            }
        }
    }
}
