package dev.statecraft.sqlite;

import dev.statecraft.store.StoreException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The checksum that ends a journal row ({@link JournalRow}) and a command block ({@link CommandBlock}): the CRC32C of
 * every byte before it, as a big-endian int. Both start with a format byte and a count, so nine bytes at least.
 */
final class Crc32cTrailer {
    /** Format byte, count and checksum: the fewest bytes a checksummed value has. */
    static final int FRAME_LENGTH = 1 + Integer.BYTES + Integer.BYTES;

    private Crc32cTrailer() {
    }

    /** Puts the checksum of what {@code out}, a buffer over a whole array, holds before its position. */
    static void append(ByteBuffer out) {
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
    }

    /** Fails, calling the value {@code name}, unless {@code bytes} end with the checksum of what comes before. */
    static void check(String name, byte[] bytes) {
        if (bytes.length < FRAME_LENGTH) {
            throw new StoreException(name + ": cut short (" + bytes.length + " bytes)");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - Integer.BYTES);
        int stored = ByteBuffer.wrap(bytes, bytes.length - Integer.BYTES, Integer.BYTES).getInt();
        if (stored != (int) crc.getValue()) {
            throw new StoreException(name + ": checksum mismatch, cut short or damaged");
        }
    }
}
