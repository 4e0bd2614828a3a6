package dev.statecraft.persistence;

import java.util.Objects;

/**
 * How a game type is stored, validated when made.
 *
 * @param strategy              what is kept: events, snapshots only, or both
 * @param writePolicy           when commands are acknowledged; critical commands are always durable
 * @param snapshotEvery         a snapshot after this many events (for {@link Strategy#EVENTS} and {@link Strategy#HYBRID})
 * @param snapshotOnPhaseChange a snapshot whenever the game enters another phase
 */
public record Persistence(Strategy strategy, WritePolicy writePolicy, int snapshotEvery, boolean snapshotOnPhaseChange) {

    public Persistence {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(writePolicy, "writePolicy");
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery must be > 0 (was " + snapshotEvery + ")");
        }
    }

    /** Events, durable, a snapshot every 500 events and at phase changes. */
    public static Persistence defaults() {
        return new Persistence(Strategy.EVENTS, WritePolicy.durable(), 500, true);
    }

    public Persistence withStrategy(Strategy value) {
        return new Persistence(value, writePolicy, snapshotEvery, snapshotOnPhaseChange);
    }

    public Persistence withWritePolicy(WritePolicy value) {
        return new Persistence(strategy, value, snapshotEvery, snapshotOnPhaseChange);
    }

    public Persistence withSnapshotEvery(int value) {
        return new Persistence(strategy, writePolicy, value, snapshotOnPhaseChange);
    }

    public Persistence withSnapshotOnPhaseChange(boolean value) {
        return new Persistence(strategy, writePolicy, snapshotEvery, value);
    }
}
