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
 * @param pageSize        bytes per database page for a new file (a power of two, 512 to 65536); each commit writes
 *                        every page it changed: the journal's last pages, and a page or two of each table for each
 *                        game it moves (8 and 16 KiB measured no better than 4 KiB: docs/BENCHMARKS.md)
 * @param writerCacheKib  page cache of the writer's connection, in KiB
 * @param checkpointPages once the write-ahead log holds this many pages, the checkpointer has it started again from its
 *                        beginning (its pages are copied back into the database file all along, off the commit path);
 *                        the writer itself copies it back inside a commit only at four times this many
 */
public record SqliteOptions(int maxBatch, int readConnections, Duration busyTimeout, boolean checkOnOpen, int pageSize, int writerCacheKib,
                            int checkpointPages) {

    public SqliteOptions {
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be > 0 (was " + maxBatch + ")");
        if (readConnections < 1) throw new IllegalArgumentException("readConnections must be > 0 (was " + readConnections + ")");
        if (busyTimeout.isNegative()) throw new IllegalArgumentException("busyTimeout must not be negative (was " + busyTimeout + ")");
        if (pageSize < 512 || pageSize > 65_536 || Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("pageSize must be a power of two from 512 to 65536 (was " + pageSize + ")");
        }
        if (writerCacheKib < 1) throw new IllegalArgumentException("writerCacheKib must be > 0 (was " + writerCacheKib + ")");
        if (checkpointPages < 1) throw new IllegalArgumentException("checkpointPages must be > 0 (was " + checkpointPages + ")");
    }

    public static SqliteOptions defaults() {
        return new SqliteOptions(2_000, 4, Duration.ofSeconds(5), true, 4_096, 65_536, 4_000);
    }

    public SqliteOptions withMaxBatch(int value) {
        return new SqliteOptions(value, readConnections, busyTimeout, checkOnOpen, pageSize, writerCacheKib, checkpointPages);
    }

    public SqliteOptions withReadConnections(int value) {
        return new SqliteOptions(maxBatch, value, busyTimeout, checkOnOpen, pageSize, writerCacheKib, checkpointPages);
    }

    public SqliteOptions withCheckOnOpen(boolean value) {
        return new SqliteOptions(maxBatch, readConnections, busyTimeout, value, pageSize, writerCacheKib, checkpointPages);
    }

    public SqliteOptions withPageSize(int value) {
        return new SqliteOptions(maxBatch, readConnections, busyTimeout, checkOnOpen, value, writerCacheKib, checkpointPages);
    }

    public SqliteOptions withCheckpointPages(int value) {
        return new SqliteOptions(maxBatch, readConnections, busyTimeout, checkOnOpen, pageSize, writerCacheKib, value);
    }

    public SqliteOptions withWriterCacheKib(int value) {
        return new SqliteOptions(maxBatch, readConnections, busyTimeout, checkOnOpen, pageSize, value, checkpointPages);
    }
}
