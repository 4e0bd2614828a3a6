package dev.statecraft.sqlite;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a SQLite store, validated when made.
 *
 * @param maxBatch        write operations committed together in one transaction at most
 * @param readConnections read-only connections kept open for concurrent readers
 * @param busyTimeout     how long a connection waits for a lock held by another process
 * @param checkOnOpen     run {@code PRAGMA quick_check} when opening, refusing a damaged file
 */
public record SqliteOptions(int maxBatch, int readConnections, Duration busyTimeout, boolean checkOnOpen) {

    public SqliteOptions {
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be > 0 (was " + maxBatch + ")");
        if (readConnections < 1) throw new IllegalArgumentException("readConnections must be > 0 (was " + readConnections + ")");
        if (busyTimeout.isNegative()) throw new IllegalArgumentException("busyTimeout must not be negative (was " + busyTimeout + ")");
    }

    public static SqliteOptions defaults() {
        return new SqliteOptions(2_000, 4, Duration.ofSeconds(5), true);
    }

    public SqliteOptions withMaxBatch(int value) {
        return new SqliteOptions(value, readConnections, busyTimeout, checkOnOpen);
    }

    public SqliteOptions withReadConnections(int value) {
        return new SqliteOptions(maxBatch, value, busyTimeout, checkOnOpen);
    }

    public SqliteOptions withCheckOnOpen(boolean value) {
        return new SqliteOptions(maxBatch, readConnections, busyTimeout, value);
    }
}
