package dev.statecraft.bench.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh folder of one driver run inside the data folder it was given, so every file it measures (the
 * raw fsync file and the SQLite store) is on the same disk. Deleted when closed, unless kept.
 */
public final class ScratchFolder implements AutoCloseable {
    private final Path path;
    private final boolean keep;

    private ScratchFolder(Path path, boolean keep) {
        this.path = path;
        this.keep = keep;
    }

    public static ScratchFolder create(Path parent, String prefix, boolean keep) {
        try {
            Files.createDirectories(parent);
            return new ScratchFolder(Files.createTempDirectory(parent, prefix + "-").toAbsolutePath(), keep);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data folder in " + parent.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    public Path storeFile() {
        return path.resolve("statecraft.db");
    }

    /** The folder, its file system type and device, for the report: the figures belong to that disk. */
    public String describe() {
        try {
            FileStore fileStore = Files.getFileStore(path);
            return path + " (" + fileStore.type() + " on " + fileStore.name() + ")";
        } catch (IOException e) {
            return path + " (file system unknown: " + e.getMessage() + ")";
        }
    }

    /** Bytes of the files whose names start with {@code prefix}: a SQLite store with its -wal and -shm files. */
    long bytesOf(String prefix) {
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).mapToLong(ScratchFolder::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (keep) {
            System.err.println("kept data folder " + path);
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("could not delete data folder " + path + ": " + e.getMessage());
        }
    }
}
