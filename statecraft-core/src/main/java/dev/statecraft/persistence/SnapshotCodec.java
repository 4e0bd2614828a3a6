package dev.statecraft.persistence;

import dev.statecraft.codec.CodecException;
import dev.statecraft.codec.JsonCodec;
import dev.statecraft.store.Snapshot;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.zip.CRC32C;

/**
 * Snapshot payloads: a header (magic, state schema version, raw length, CRC32C of the compressed
 * bytes) followed by the state as zstd-compressed JSON. A snapshot that fails any check is refused,
 * never half-read.
 */
public final class SnapshotCodec {
    private static final int MAGIC = 0x53435331; // "SCS1"
    private static final int HEADER = 4 + 4 + 4 + 8;

    private SnapshotCodec() {
    }

    public static Snapshot encode(String gameId, long version, int schemaVersion, Object state, Instant takenAt) {
        byte[] json = JsonCodec.json().write(state);
        byte[] compressed = Compression.compress(json);
        ByteBuffer out = ByteBuffer.allocate(HEADER + compressed.length);
        out.putInt(MAGIC).putInt(schemaVersion).putInt(json.length).putLong(crc(compressed)).put(compressed);
        return new Snapshot(gameId, version, schemaVersion, out.array(), takenAt);
    }

    /** @throws DamagedSnapshotException saying what does not match */
    public static <S> S decode(Snapshot snapshot, Class<S> stateType, int expectedSchemaVersion) {
        String where = "snapshot of game " + snapshot.gameId() + " at version " + snapshot.version();
        byte[] payload = snapshot.payload();
        if (payload.length < HEADER) {
            throw new DamagedSnapshotException(where + ": " + payload.length + " bytes, shorter than its " + HEADER + "-byte header");
        }
        ByteBuffer in = ByteBuffer.wrap(payload);
        int magic = in.getInt();
        if (magic != MAGIC) {
            throw new DamagedSnapshotException(where + ": not a Statecraft snapshot (magic " + Integer.toHexString(magic) + ")");
        }
        int schemaVersion = in.getInt();
        if (schemaVersion != expectedSchemaVersion || snapshot.schemaVersion() != expectedSchemaVersion) {
            throw new DamagedSnapshotException(where + ": written with state schema version " + schemaVersion
                    + " but the game type reads version " + expectedSchemaVersion);
        }
        int rawLength = in.getInt();
        long checksum = in.getLong();
        byte[] compressed = new byte[in.remaining()];
        in.get(compressed);
        if (crc(compressed) != checksum) {
            throw new DamagedSnapshotException(where + ": checksum mismatch, the bytes were damaged");
        }
        byte[] json;
        try {
            json = Compression.decompress(compressed, rawLength);
        } catch (RuntimeException e) {
            throw new DamagedSnapshotException(where + ": cannot be decompressed: " + e.getMessage(), e);
        }
        if (json.length != rawLength) {
            throw new DamagedSnapshotException(where + ": expected " + rawLength + " bytes after decompression, got " + json.length);
        }
        try {
            return JsonCodec.json().read(json, stateType);
        } catch (CodecException e) {
            throw new DamagedSnapshotException(where + ": cannot be read as " + stateType.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static long crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }
}
