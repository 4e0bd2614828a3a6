package dev.statecraft.examples.world;

import java.time.Instant;
import java.util.Objects;

/** Items lying on a tile until {@code despawnAt}; from that instant on nobody can pick them up. */
public record GroundItem(String id, ItemStack stack, Position position, Instant despawnAt) {

    public GroundItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(despawnAt, "despawnAt");
    }

    /** Ids come from the version of the event that puts items down, so replay makes the same ones. */
    public static String idFor(long eventVersion, int index) {
        return "g-" + eventVersion + "-" + index;
    }

    public boolean isExpiredAt(Instant now) {
        return !despawnAt.isAfter(now);
    }
}
