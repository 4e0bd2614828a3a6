package dev.statecraft.sqlite;

import java.util.ArrayList;
import java.util.List;

/**
 * Which (game, command id) pairs may have been stored, in the {@code command_runs} table or in the event journal, so that an
 * append, or a reader's {@code findCommand} (a buffered command's check, decision record 0006), looks a new id up (in the
 * journal's tails, then in the table) only when it might be there (decision record 0011): a Bloom filter, never wrong
 * when it says "not there", now and then wrong when it says "maybe" (about 1 % of new ids, which are then looked up as
 * before). It knows only what this store's writer wrote: a second process writing the same file is not supported.
 *
 * <p>Read from the table on a thread of its own once the store has opened ({@link CommandIdFilterLoader}): until that
 * read is complete it is {@link State#LOADING} and says "maybe" to every id, so opening does not wait for it. Every
 * append's id is added when the writer stages it, from the store's opening on, before its batch commits and so before
 * any reader or later append can find it stored; a batch rolled back leaves its ids here, each a "maybe" too many and
 * counted towards {@link #MAX_IDS} again when it is staged again.
 * Records leave the table only when a game is archived, and stay here: a "maybe" costs only a lookup. It grows by
 * adding a filter twice the size of the last when the last is full, so it never needs the table
 * again; each full filter adds its own 0.8 % of "maybe", so about 1 % below 3,000,000 ids and 4 % near the end. Past
 * {@link #MAX_IDS} ids in all, or should memory for a new filter run out, it switches itself off and every id is looked
 * up, so its memory (filters of 2^20 to 2^25 ids at 10 bits an id, about 83 MB at most) stays bounded; the read of a
 * table past {@link #MAX_IDS} stops there. Written by the thread running the writer's batch and by its loader, read by
 * any thread: the state is read without a lock, the bits only under the filter's own.
 */
final class CommandIdFilter {
    /** Ids the filter holds at most; beyond, every new id is looked up in the table. */
    static final long MAX_IDS = 50_000_000;
    private static final int FIRST_CAPACITY = 1 << 20;
    private static final int BITS_PER_ID = 10;
    private static final int HASHES = 7;
    private static final long SEED = 0x9E3779B97F4A7C15L;
    private static final long STEP_SEED = 0xC2B2AE3D27D4EB4FL;

    enum State {
        /** The stored ids are still being read: every id is a "maybe", and added ids are kept. */
        LOADING,
        /** Holds every stored id: "not there" is certain. */
        ON,
        /** Holds nothing and says "maybe" to every id: past its limit, out of memory, or its read failed. */
        OFF
    }

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
                long bit = bit(h1, h2, i);
                words[(int) (bit >>> 6)] |= 1L << bit;
            }
            count++;
        }

        boolean mayContain(long h1, long h2) {
            for (int i = 0; i < HASHES; i++) {
                long bit = bit(h1, h2, i);
                if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }

        /** The pair's {@code i}th bit: double hashing, mapped to [0, size) by a multiplication rather than a division. */
        private long bit(long h1, long h2, int i) {
            return Math.unsignedMultiplyHigh(h1 + i * h2, size);
        }
    }

    private final List<Bits> filters = new ArrayList<>();
    private final long maxIds;
    private long ids;
    private volatile State state;

    private CommandIdFilter(State state, long maxIds) {
        this.state = state;
        this.maxIds = maxIds;
    }

    /** A filter that says "maybe" to every id until {@link #markLoaded}, once the table's ids are all added. */
    static CommandIdFilter loading() {
        return loading(MAX_IDS);
    }

    /** The same, switching off once it would hold more than {@code maxIds} ids rather than {@link #MAX_IDS}: for tests. */
    static CommandIdFilter loading(long maxIds) {
        return new CommandIdFilter(State.LOADING, maxIds);
    }

    /** A filter of a table known to be empty. */
    static CommandIdFilter empty() {
        return new CommandIdFilter(State.ON, MAX_IDS);
    }

    /** A filter that says "maybe" to every id, so that each is looked up. */
    static CommandIdFilter off() {
        return new CommandIdFilter(State.OFF, MAX_IDS);
    }

    /** Ids the filter holds at most before it switches itself off. */
    long maxIds() {
        return maxIds;
    }

    State state() {
        return state;
    }

    /** Every id stored when the store opened has been added: from now on "not there" is certain. */
    synchronized void markLoaded() {
        if (state == State.LOADING) {
            state = State.ON;
        }
    }

    /** From now on every id is a "maybe", and the memory is given back. */
    synchronized void switchOff() {
        state = State.OFF;
        filters.clear();
    }

    /** True unless {@code commandId} of {@code gameId} is certainly neither in the table nor in the journal. */
    boolean mayContain(String gameId, String commandId) {
        if (state != State.ON) { // no lock while it cannot answer otherwise
            return true;
        }
        long h1 = hash(gameId, commandId, SEED);
        long step = step(gameId, commandId);
        synchronized (this) {
            if (state != State.ON) {
                return true;
            }
            for (Bits bits : filters) {
                if (bits.mayContain(h1, step)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Call when the writer stages the record, before its batch commits, so before any reader or later append can find it stored. */
    void add(String gameId, String commandId) {
        if (state == State.OFF) {
            return;
        }
        long h1 = hash(gameId, commandId, SEED);
        long step = step(gameId, commandId);
        synchronized (this) {
            addHashed(h1, step);
        }
    }

    private void addHashed(long h1, long step) {
        if (state == State.OFF) {
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
        last.add(h1, step);
        ids++;
    }

    /** Adds each {@code (game id, command id)} pair, taking the lock once: for the loader, a page of the table at a time. */
    void addAll(List<String[]> pairs) {
        long[] hashes = new long[2 * pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            hashes[2 * i] = hash(pairs.get(i)[0], pairs.get(i)[1], SEED);
            hashes[2 * i + 1] = step(pairs.get(i)[0], pairs.get(i)[1]);
        }
        synchronized (this) {
            for (int i = 0; i < pairs.size(); i++) {
                addHashed(hashes[2 * i], hashes[2 * i + 1]);
            }
        }
    }

    /** The odd distance between a pair's bits in a filter (double hashing: bit i is hash + i * step). */
    private static long step(String gameId, String commandId) {
        return hash(gameId, commandId, STEP_SEED) | 1;
    }

    /**
     * A 64-bit hash of the pair's characters (game id, then 0x10000, which no {@code char} equals, then command id), mixed
     * as in MurmurHash3's finaliser. Over the characters, not their UTF-8 bytes: encoding both strings for each of the
     * four hashes a write asks for was the writer's largest Java cost. Never stored, so it may change between versions.
     */
    private static long hash(String gameId, String commandId, long seed) {
        long h = seed;
        for (int i = 0; i < gameId.length(); i++) {
            h = (h ^ gameId.charAt(i)) * 0x100000001B3L;
        }
        h = (h ^ 0x10000) * 0x100000001B3L;
        for (int i = 0; i < commandId.length(); i++) {
            h = (h ^ commandId.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
