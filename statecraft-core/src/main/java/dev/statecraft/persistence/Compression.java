package dev.statecraft.persistence;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * zstd with reused contexts. Making a context costs far more than compressing a small state, so a few
 * are pooled and lent out one call at a time; a context is used by one thread at a time only.
 */
final class Compression {
    private static final int LEVEL = 3;
    private static final int POOLED = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
    private static final ConcurrentLinkedQueue<ZstdCompressCtx> COMPRESSORS = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<ZstdDecompressCtx> DECOMPRESSORS = new ConcurrentLinkedQueue<>();

    private Compression() {
    }

    /** Compressed as one frame that records its original size. */
    static byte[] compress(byte[] raw) {
        return compress(raw, raw.length);
    }

    /** The first {@code length} bytes of {@code raw}, compressed as one frame that records their size. */
    static byte[] compress(byte[] raw, int length) {
        ZstdCompressCtx ctx = COMPRESSORS.poll();
        if (ctx == null) {
            ctx = new ZstdCompressCtx().setLevel(LEVEL).setContentSize(true).setChecksum(false);
        }
        try {
            byte[] frame = new byte[Math.toIntExact(Zstd.compressBound(length))];
            int size = ctx.compressByteArray(frame, 0, frame.length, raw, 0, length);
            return Arrays.copyOf(frame, size);
        } finally {
            giveBack(COMPRESSORS, ctx);
        }
    }

    /** @throws IllegalArgumentException if the frame does not say its size or is not {@code size} bytes */
    static byte[] decompress(byte[] compressed, int size) {
        ZstdDecompressCtx ctx = DECOMPRESSORS.poll();
        if (ctx == null) {
            ctx = new ZstdDecompressCtx();
        }
        try {
            return ctx.decompress(compressed, size);
        } finally {
            giveBack(DECOMPRESSORS, ctx);
        }
    }

    static byte[] decompress(byte[] compressed) {
        long size = Zstd.getFrameContentSize(compressed);
        if (size < 0 || size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("not a zstd frame with a known size (" + size + ")");
        }
        return decompress(compressed, (int) size);
    }

    private static <T> void giveBack(ConcurrentLinkedQueue<T> pool, T ctx) {
        if (pool.size() < POOLED) {
            pool.add(ctx);
        }
    }
}
