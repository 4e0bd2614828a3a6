package dev.statecraft.bench.durability;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a driver names its commands. The store keeps every command id of a game, ordered by id, so the shape matters:
 * a counter's ids ({@code c-1000}, {@code c-1001}, ...) put a game's new records close together, on a few pages; random
 * ids (version 4 UUIDs) put each on a page of its own.
 */
enum CommandIds {
    /** {@code c-1}, {@code c-2}, ... per zone. */
    SEQUENTIAL("sequential per zone (`c-1`, `c-2`, ...)"),
    /** A random (version 4) UUID each. */
    RANDOM("random version 4 UUIDs");

    private final String description;

    CommandIds(String description) {
        this.description = description;
    }

    /**
     * The id of a zone's {@code n}th command (from 1). Random ids are drawn from {@link ThreadLocalRandom}, not from
     * {@link UUID#randomUUID()}'s shared secure generator, so that making them costs the driver no more than a counter.
     */
    String id(long n) {
        return switch (this) {
            case SEQUENTIAL -> "c-" + n;
            case RANDOM -> randomVersion4Uuid();
        };
    }

    private static String randomVersion4Uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // the IETF variant
        return new UUID(high, low).toString();
    }

    String description() {
        return description;
    }

    /** {@code sequential} or {@code random}, as given to {@code --command-ids}. */
    static CommandIds parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("command-ids must be sequential or random (was " + text + ")", e);
        }
    }
}
