package dev.statecraft.sqlite;

import dev.statecraft.store.Snapshot;
import dev.statecraft.store.SnapshotStore;
import dev.statecraft.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Snapshots in the {@code snapshots} table, at most one per game and version. */
final class SqliteSnapshots implements SnapshotStore {
    private final GroupCommitWriter writer;
    private final ReadConnections reads;

    SqliteSnapshots(GroupCommitWriter writer, ReadConnections reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public void save(Snapshot snapshot) {
        GroupCommitWriter.await(saveAsync(snapshot));
    }

    @Override
    public CompletableFuture<Void> saveAsync(Snapshot snapshot) {
        return writer.submit((session, versions, journal) -> {
            if (versions.lastVersion(session, snapshot.gameId()) == StreamVersions.ARCHIVED) {
                throw new StoreException("game " + snapshot.gameId() + ": archived, no more snapshots can be saved");
            }
            PreparedStatement upsert = session.prepared(
                    "INSERT OR REPLACE INTO snapshots (game_id, version, schema_version, payload, taken_at) VALUES (?, ?, ?, ?, ?)");
            upsert.setString(1, snapshot.gameId());
            upsert.setLong(2, snapshot.version());
            upsert.setInt(3, snapshot.schemaVersion());
            upsert.setBytes(4, snapshot.payload());
            upsert.setLong(5, Micros.of(snapshot.takenAt()));
            upsert.executeUpdate();
            return (Void) null;
        });
    }

    @Override
    public Optional<Snapshot> latest(String gameId) {
        return latestAtOrBefore(gameId, Long.MAX_VALUE);
    }

    @Override
    public Optional<Snapshot> latestAtOrBefore(String gameId, long version) {
        return reads.read(session -> {
            PreparedStatement select = session.prepared("SELECT version, schema_version, payload, taken_at FROM snapshots "
                    + "WHERE game_id = ? AND version <= ? ORDER BY version DESC LIMIT 1");
            select.setString(1, gameId);
            select.setLong(2, version);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Snapshot(gameId, rs.getLong(1), rs.getInt(2), rs.getBytes(3), Micros.toInstant(rs.getLong(4))))
                        : Optional.empty();
            }
        });
    }
}
