package dev.statecraft.cli;

import static dev.statecraft.cli.PlayedDataFolder.MATCH;
import static dev.statecraft.cli.PlayedDataFolder.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import dev.statecraft.cli.PlayedDataFolder.Run;
import dev.statecraft.engine.Engine;
import dev.statecraft.examples.cards.Cards;
import dev.statecraft.examples.world.World;
import dev.statecraft.persistence.ReplayBundle;
import dev.statecraft.persistence.SnapshotCodec;
import dev.statecraft.sqlite.SqliteStore;
import dev.statecraft.store.Snapshot;
import dev.statecraft.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandsTest {

    @TempDir
    Path folder;

    @TempDir
    Path elsewhere;

    PlayedDataFolder data;

    @BeforeEach
    void play_a_card_match_and_a_world_zone() {
        data = PlayedDataFolder.play(folder.resolve("data"));
    }

    @Test
    void an_exported_game_imported_into_an_empty_folder_reaches_the_same_state() {
        Path zoneFile = elsewhere.resolve("zone.replay");
        Path matchFile = elsewhere.resolve("match.replay");
        Path target = elsewhere.resolve("imported");

        assertThat(data.run("export", ZONE, "--out", zoneFile.toString()).exitCode()).isZero();
        assertThat(data.run("export", MATCH, "--out", matchFile.toString()).exitCode()).isZero();
        Run zone = Run.of("import", zoneFile.toString(), "--data", target.toString());
        Run match = Run.of("import", matchFile.toString(), "--data", target.toString());

        assertThat(zone.exitCode()).isZero();
        assertThat(zone.out()).contains("imported game " + ZONE + " (world, " + data.zoneEvents().size() + " events)");
        assertThat(zone.err()).contains(String.format("importing %,d events in one transaction", data.zoneEvents().size()));
        assertThat(match.exitCode()).isZero();
        assertThat(PlayedDataFolder.stateJson(target, ZONE)).isEqualTo(data.zoneState());
        assertThat(PlayedDataFolder.stateJson(target, MATCH)).isEqualTo(data.matchState());
        assertThat(Run.of("verify", "--data", target.toString()).exitCode()).isZero();
    }

    @Test
    void importing_a_game_whose_id_exists_fails_and_changes_nothing() {
        Path file = elsewhere.resolve("zone.replay");
        data.run("export", ZONE, "--out", file.toString());

        Run run = data.run("import", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ALREADY_EXISTS);
        assertThat(run.err()).contains("game " + ZONE + " already exists");
        assertThat(PlayedDataFolder.stateJson(data.folder(), ZONE)).isEqualTo(data.zoneState());
    }

    @Test
    void a_bundle_whose_events_do_not_replay_is_refused_whole_and_nothing_is_imported() throws Exception {
        Path damaged = Files.write(elsewhere.resolve("damaged.replay"), exportedZoneWithLastEvent(last -> new StoredEvent(last.gameId(),
                last.version(), last.type(), last.schemaVersion(), "{}".getBytes(StandardCharsets.UTF_8), last.recordedAt(), last.commandId())));
        Path target = elsewhere.resolve("target");

        Run run = Run.of("import", damaged.toString(), "--data", target.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("game " + ZONE + " does not replay, so nothing was imported").doesNotContain("\tat ");
        Run games = Run.of("games", "--data", target.toString());
        assertThat(games.out()).doesNotContain(ZONE).contains("0 active games");
    }

    @Test
    void a_bundle_with_a_command_id_that_is_not_well_formed_unicode_is_refused_and_nothing_is_imported() throws Exception {
        byte[] compressed = exportedZoneWithLastEvent(last -> new StoredEvent(last.gameId(), last.version(), last.type(), last.schemaVersion(),
                last.payload(), last.recordedAt(), "c-HALF"));
        // A JSON escape can carry half a surrogate pair, which no writer here produces; stored as UTF-8 it would become '?'.
        String lines = new String(Zstd.decompress(compressed, (int) Zstd.getFrameContentSize(compressed)), StandardCharsets.UTF_8);
        Path bad = Files.write(elsewhere.resolve("bad-id.replay"), Zstd.compress(lines.replace("c-HALF", "c-\\ud800").getBytes(StandardCharsets.UTF_8)));
        Path target = elsewhere.resolve("target");

        Run run = Run.of("import", bad.toString(), "--data", target.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains(bad.toString()).contains("commandId must be well-formed Unicode").contains("nothing was imported")
                .doesNotContain("\tat ");
        assertThat(Run.of("games", "--data", target.toString()).out()).doesNotContain(ZONE).contains("0 active games");
    }

    @Test
    void importing_a_file_that_is_not_a_replay_bundle_is_a_clear_error() throws Exception {
        Path file = Files.writeString(elsewhere.resolve("notes.txt"), "not a bundle");

        Run run = data.run("import", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("not a replay bundle").doesNotContain("\tat ");
    }

    @Test
    void verify_passes_on_a_healthy_data_folder() {
        Run run = data.run("verify");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern(ZONE + "\\s+ok\\s+snapshot at version \\d+ matches")
                .contains("1 game verified: 1 ok, 0 mismatched, 0 with a damaged snapshot");
        assertThat(run.err()).contains("verifying [");
    }

    @Test
    void verify_reports_a_snapshot_with_a_flipped_byte() throws SQLException {
        flipLastByteOfLatestSnapshot(ZONE);

        Run run = data.run("verify");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.MISMATCH);
        assertThat(run.out()).containsPattern(ZONE + "\\s+DAMAGED\\s+.*checksum mismatch")
                .contains("0 ok, 0 mismatched, 1 with a damaged snapshot");
    }

    @Test
    void verify_reports_a_sound_snapshot_that_differs_from_the_replay() {
        try (SqliteStore store = SqliteStore.open(data.database());
             Engine engine = Engine.builder().store(store).register(Cards.TYPE, World.TYPE).build()) {
            Snapshot latest = store.snapshots().latest(ZONE).orElseThrow();
            Object earlier = engine.stateAt(ZONE, 1).value();
            store.snapshots().save(SnapshotCodec.encode(ZONE, latest.version(), World.TYPE.stateSchemaVersion(), earlier, Instant.now()));
        }

        Run run = data.run("verify");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.MISMATCH);
        assertThat(run.out()).containsPattern(ZONE + "\\s+MISMATCH\\s+snapshot at version \\d+ differs");
    }

    private void flipLastByteOfLatestSnapshot(String gameId) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.database())) {
            byte[] payload;
            long version;
            try (PreparedStatement select = db.prepareStatement(
                    "SELECT version, payload FROM snapshots WHERE game_id = ? ORDER BY version DESC LIMIT 1")) {
                select.setString(1, gameId);
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).as("game %s has a snapshot", gameId).isTrue();
                    version = row.getLong(1);
                    payload = row.getBytes(2);
                }
            }
            payload[payload.length - 1] ^= 0x01;
            try (PreparedStatement update = db.prepareStatement("UPDATE snapshots SET payload = ? WHERE game_id = ? AND version = ?")) {
                update.setBytes(1, payload);
                update.setString(2, gameId);
                update.setLong(3, version);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }
    }

    /** The zone exported, as a replay bundle's bytes, with its last event replaced by {@code change} of it. */
    private byte[] exportedZoneWithLastEvent(UnaryOperator<StoredEvent> change) throws Exception {
        Path exported = elsewhere.resolve("zone.replay");
        data.run("export", ZONE, "--out", exported.toString());
        ReplayBundle bundle = ReplayBundle.fromBytes(Files.readAllBytes(exported));
        List<StoredEvent> events = new ArrayList<>(bundle.events());
        events.add(change.apply(events.removeLast()));
        return ReplayBundle.of(bundle.header().gameId(), bundle.header().gameType(), bundle.header().setup(), bundle.header().createdAt(), events)
                .toBytes();
    }
}
