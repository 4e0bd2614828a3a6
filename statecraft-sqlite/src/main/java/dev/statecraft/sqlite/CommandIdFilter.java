package dev.statecraft.sqlite;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Which (game, command id) pairs may have been stored, in the {@code commands} table or in the event journal, so that an
 * append looks a new id up (in the journal's tails, then in the table) only when it might be there (decision record
 * 0011): a Bloom filter, never wrong when it says "not there", now and then wrong when it says "maybe" (about 1 % of new
 * ids, which are then looked up as before).
 *
 * <p>Read from the table on a thread of its own once the store has opened ({@link CommandIdFilterLoader}): until that
 * read is complete it says "maybe" to every id, so opening does not wait for it. Every append's id is added when its
 * batch commits, from the store's opening on, before any later append can look for it. Records leave the table only when a game is archived, and stay here: a "maybe" costs only a
 * lookup. It grows by adding a filter twice the size of the last when the last is full, so it never needs the table
 * again; each full filter adds its own 0.8 % of "maybe", so about 1 % below 3,000,000 ids and 4 % near the end. Past
 * {@link #MAX_IDS} ids in all, or should memory for a new filter run out, it switches itself off and every id is looked
 * up, so its memory (filters of 2^20 to 2^25 ids at 10 bits an id, about 83 MB at most) stays bounded. A table already
 * past {@link #MAX_IDS} is not read at all. Used by the thread running the writer's batch and by its loader, hence
 * synchronized.
 */
final class CommandIdFilter {
    /** Ids the filter holds at most; beyond, every new id is looked up in the table. */
    static final long MAX_IDS = 50_000_000;
    private static final int FIRST_CAPACITY = 1 << 20;
    private static final int BITS_PER_ID = 10;
    private static final int HASHES = 7;
    private static final long SEED = 0x9E3779B97F4A7C15L;
    private static final long STEP_SEED = 0xC2B2AE3D27D4EB4FL;

    /** One fixed-size Bloom filter. */
    private static final class Bits {
        private final long[] words;
        private final long size;
        private final int capacity;
        private int count;

        Bits(int capacity) {
            this.capacity = capacity;
            this.size = (long) capacity * BITS_PER_ID;
            this.words = new long[(int) ((size + 63) / 64)];
        }

        void add(long h1, long h2) {
            for (int i = 0; i < HASHES; i++) {
                long bit = Math.unsignedMultiplyHigh(h1 + i * h2, size); // in [0, size), without a division
                words[(int) (bit >>> 6)] |= 1L << bit;
            }
            count++;
        }

        boolean mayContain(long h1, long h2) {
            for (int i = 0; i < HASHES; i++) {
                long bit = Math.unsignedMultiplyHigh(h1 + i * h2, size); // in [0, size), without a division
                if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Bits> filters = new ArrayList<>();
    private long ids;
    private boolean off;
    private final long maxIds;
    /** False until every id stored when the store opened has been added: until then every id is a "maybe". */
    private volatile boolean complete;

    /** A filter of a table known to be empty: complete from the start. */
    CommandIdFilter() {
        this(true, MAX_IDS);
    }

    private CommandIdFilter(boolean complete, long maxIds) {
        this.complete = complete;
        this.maxIds = maxIds;
    }

    /** A filter that says "maybe" to every id until {@link #markComplete}, once the table's ids are all added. */
    static CommandIdFilter incomplete() {
        return incomplete(MAX_IDS);
    }

    /** The same, switching off past {@code maxIds} ids rather than {@link #MAX_IDS}: for tests. */
    static CommandIdFilter incomplete(long maxIds) {
        return new CommandIdFilter(false, maxIds);
    }

    /** Ids past which the filter switches itself off. */
    long maxIds() {
        return maxIds;
    }

    void markComplete() {
        complete = true;
    }

    boolean isComplete() {
        return complete;
    }

    synchronized boolean isOff() {
        return off;
    }

    /** True unless {@code commandId} of {@code gameId} is certainly not in the table. */
    synchronized boolean mayContain(String gameId, String commandId) {
        if (off || !complete) {
            return true;
        }
        long h1 = hash(gameId, commandId, SEED);
        long step = step(gameId, commandId);
        for (Bits bits : filters) {
            if (bits.mayContain(h1, step)) {
                return true;
            }
        }
        return false;
    }

    /** Call once the record is committed, to the journal or the table, before the next batch looks for it. */
    synchronized void add(String gameId, String commandId) {
        if (off) {
            return;
        }
        if (ids >= maxIds) {
            switchOff();
            return;
        }
        Bits last = filters.isEmpty() ? null : filters.getLast();
        if (last == null || last.count >= last.capacity) {
            try {
                last = new Bits(last == null ? FIRST_CAPACITY : (int) Math.min(2L * last.capacity, maxIds));
            } catch (OutOfMemoryError e) {
                // Saying "maybe" to everything is always safe; failing the writer here is not.
                switchOff();
                return;
            }
            filters.add(last);
        }
        last.add(hash(gameId, commandId, SEED), step(gameId, commandId));
        ids++;
    }

    /** A filter that says "maybe" to every id, so that each is looked up. */
    static CommandIdFilter off() {
        CommandIdFilter filter = new CommandIdFilter();
        filter.switchOff();
        return filter;
    }

    /** From now on every id is a "maybe", and the memory is given back. */
    synchronized void switchOff() {
        off = true;
        filters.clear();
    }

    /** The odd distance between a pair's bits in a filter (double hashing: bit i is hash + i * step). */
    private static long step(String gameId, String commandId) {
        return hash(gameId, commandId, STEP_SEED) | 1;
    }

    /** A 64-bit hash of the pair's UTF-8 bytes (game id, a byte 0xff, which no UTF-8 text holds, command id), mixed as in MurmurHash3's finaliser. */
    private static long hash(String gameId, String commandId, long seed) {
        long h = seed;
        for (byte b : gameId.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001B3L;
        }
        h = (h ^ 0xff) * 0x100000001B3L; // a byte no UTF-8 text holds, between the two
        for (byte b : commandId.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
