package dev.statecraft.bench.durability;

import java.util.Locale;
import java.util.UUID;

/**
 * How a driver names its commands. The store keeps every command id of a game, ordered by id, so the shape matters:
 * ids that grow (a counter, as a client numbering its commands) put a game's new records on its last pages; random ids
 * (version 4 UUIDs) put each on a page of its own.
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

    /** The id of a zone's {@code n}th command (from 1). */
    String id(long n) {
        return this == SEQUENTIAL ? "c-" + n : UUID.randomUUID().toString();
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
