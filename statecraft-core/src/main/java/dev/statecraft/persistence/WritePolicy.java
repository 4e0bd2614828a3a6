package dev.statecraft.persistence;

import java.time.Duration;
import java.util.Objects;

/** When an accepted command is acknowledged relative to its write. */
public sealed interface WritePolicy {

    /** Acknowledged only after its events are committed and synced (group commit makes this fast). */
    record Durable() implements WritePolicy {
    }

    /**
     * Write-behind: acknowledged after the in-memory apply, written within {@code flushEvery}, or as soon
     * as {@code flushAfterEvents} are waiting for the game, at phase changes, on passivation and on
     * shutdown. A crash loses at most the newest unflushed tail, never a gap.
     */
    record Buffered(Duration flushEvery, int flushAfterEvents) implements WritePolicy {
        public Buffered {
            Objects.requireNonNull(flushEvery, "flushEvery");
            if (flushEvery.isNegative() || flushEvery.isZero()) {
                throw new IllegalArgumentException("flushEvery must be > 0 (was " + flushEvery + ")");
            }
            if (flushAfterEvents < 1) {
                throw new IllegalArgumentException("flushAfterEvents must be > 0 (was " + flushAfterEvents + ")");
            }
        }
    }

    static WritePolicy durable() {
        return new Durable();
    }

    static WritePolicy buffered(Duration flushEvery, int flushAfterEvents) {
        return new Buffered(flushEvery, flushAfterEvents);
    }

    /** Buffered, flushed every 200 ms or after 256 events of one game. */
    static WritePolicy buffered() {
        return new Buffered(Duration.ofMillis(200), 256);
    }
}
