package dev.statecraft.bench.durability;

import dev.statecraft.engine.Engine;
import dev.statecraft.examples.world.World;
import dev.statecraft.sqlite.SqliteStore;
import dev.statecraft.store.Snapshot;

/**
 * One world zone with a long history, written through the engine into a SQLite store: its players enter,
 * then walk back and forth until the zone holds exactly the number of events asked for. The zone is of
 * {@link World#TYPE} (buffered, so the build is not held to one sync per command), whose engine writes a
 * snapshot every 500 events and one of the last state when the zone leaves memory.
 */
final class LongZone {
    static final String ZONE_ID = "zone-long";

    /** What was built: the store's last version of the zone, the version of its latest snapshot, and the build time. */
    record Built(long lastVersion, long snapshotVersion, long buildNanos) {
    }

    private LongZone() {
    }

    static Built build(SqliteStore store, long events, int players) {
        if (events < players) {
            throw new IllegalArgumentException("the zone needs at least one event per player, " + players + " (was " + events + ")");
        }
        long started = System.nanoTime();
        try (Engine engine = Engine.builder().store(store).register(World.TYPE).build()) {
            ZoneDriver zone = ZoneDriver.enter(engine, World.TYPE, ZONE_ID, players);
            long written = players;
            long nextReport = events / 10;
            while (written < events) {
                written += zone.move(engine);
                if (written >= nextReport) {
                    System.err.printf("%,d of %,d events written%n", written, events);
                    nextReport += events / 10;
                }
            }
        }
        long buildNanos = System.nanoTime() - started;
        long lastVersion = store.events().lastVersion(ZONE_ID);
        if (lastVersion != events) {
            throw new IllegalStateException("zone " + ZONE_ID + ": expected " + events + " events in the store but its last version is " + lastVersion);
        }
        long snapshotVersion = store.snapshots().latest(ZONE_ID).map(Snapshot::version).orElse(0L);
        return new Built(lastVersion, snapshotVersion, buildNanos);
    }
}
