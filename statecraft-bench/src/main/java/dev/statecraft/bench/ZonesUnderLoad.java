package dev.statecraft.bench;

import dev.statecraft.examples.world.World;
import dev.statecraft.examples.world.WorldCommand;
import dev.statecraft.examples.world.ZoneSettings;
import dev.statecraft.rules.Actor;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code games} world zones of {@code playersPerZone} players each, on a fresh host every iteration (the
 * in-memory store keeps every event, so a fresh one bounds memory); players walk back and forth.
 */
@State(Scope.Benchmark)
public class ZonesUnderLoad {
    @Param({GameHost.ENGINE, GameHost.HAND_ROLLED})
    public String host;
    @Param("1000")
    public int games;
    @Param("4")
    public int playersPerZone;

    private GameHost running;
    private String[] zoneIds;
    private ZoneWalk[] walks;

    @Setup(Level.Iteration)
    public void open() {
        running = GameHost.start(host);
        zoneIds = new String[games];
        walks = new ZoneWalk[games];
        for (int slot = 0; slot < games; slot++) {
            String zoneId = "zone-" + slot;
            running.create(World.TYPE, zoneId);
            String[] playerIds = ZoneWalk.playerIds(zoneId, playersPerZone);
            for (String playerId : playerIds) {
                running.submit(zoneId, "enter-" + playerId, Actor.player(playerId), new WorldCommand.EnterWorld());
            }
            zoneIds[slot] = zoneId;
            walks[slot] = ZoneWalk.of(playerIds, ZoneSettings.defaults());
        }
    }

    @TearDown(Level.Iteration)
    public void close() {
        running.close();
    }

    /** The next player of the zone in {@code slot} takes one step. */
    long moveOne(int slot, String commandId) {
        ZoneWalk.Step step = walks[slot].next();
        return running.submit(zoneIds[slot], commandId, step.actor(), step.move());
    }
}
