package dev.statecraft.bench.durability;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * The disk's own durable-write rate, the ceiling for one game acknowledging commands one after another:
 * one thread writes a 4 KiB block and calls {@code FileChannel.force(false)} (fdatasync) in a loop. The
 * blocks go round a 4 MiB file written and synced beforehand, so, like SQLite's write-ahead log once it
 * has grown, a sync flushes data and never a change of file size.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.statecraft.bench.durability.RawFsync [--seconds 5] [--data folder] [--keep]}
 */
public final class RawFsync {
    static final int BLOCK_BYTES = 4_096;
    private static final int BLOCKS = 1_024;
    private static final String SECONDS = "--seconds";

    private RawFsync() {
    }

    public static void main(String[] args) {
        DriverArgs options = DriverArgs.parse(args, Set.of(SECONDS));
        Duration duration = options.seconds(SECONDS, Duration.ofSeconds(5));
        try (ScratchFolder folder = ScratchFolder.create(options.dataParent(), "raw-fsync", options.keepData())) {
            FsyncRate rate = measure(folder.path(), duration);
            print(System.out, folder, rate);
        }
    }

    /** Writes and syncs blocks in a file of {@code folder} for {@code duration}; the file is deleted afterwards. */
    static FsyncRate measure(Path folder, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the fsync measurement needs a duration > 0 (was " + duration + ")");
        }
        Path file = folder.resolve("raw-fsync.bin");
        Histogram latencies = new Histogram(3);
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK_BYTES);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            for (int i = 0; i < BLOCKS; i++) {
                write(channel, block, i);
            }
            channel.force(true);
            long syncs = 0;
            long started = System.nanoTime();
            long deadline = started + duration.toNanos();
            long now = started;
            while (now - deadline < 0) {
                block.putLong(0, syncs);
                write(channel, block, (int) (syncs % BLOCKS));
                channel.force(false);
                long after = System.nanoTime();
                latencies.recordValue(after - now);
                now = after;
                syncs++;
            }
            return new FsyncRate(syncs, now - started, BLOCK_BYTES, latencies);
        } catch (IOException e) {
            throw new UncheckedIOException("raw fsync measurement in " + folder + " failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.err.println("could not delete " + file + ": " + e.getMessage());
            }
        }
    }

    private static void write(FileChannel channel, ByteBuffer block, int index) throws IOException {
        block.clear();
        long position = (long) index * BLOCK_BYTES;
        while (block.hasRemaining()) {
            position += channel.write(block, position);
        }
    }

    static void print(PrintStream out, ScratchFolder folder, FsyncRate rate) {
        out.println("## Raw fsync of the data folder's disk");
        out.println();
        out.println("Data folder: " + folder.describe() + "; " + Figures.jvm() + ".");
        out.println();
        out.println("| figure | measured | goal |");
        out.println("| --- | ---: | --- |");
        out.printf("| fsyncs/s: %d-byte write + `FileChannel.force(false)`, one thread, %s s | %s | none: the comparison for one game sequential |%n",
                rate.blockBytes(), Figures.seconds(rate.nanos()), Figures.count(rate.perSecond()));
        out.printf("| write + fsync p50 / p99 (ms) | %s / %s | |%n", Figures.millis(rate.p50Nanos()), Figures.millis(rate.p99Nanos()));
    }
}
