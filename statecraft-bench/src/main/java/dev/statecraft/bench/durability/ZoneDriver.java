package dev.statecraft.bench.durability;

import dev.statecraft.bench.ZoneWalk;
import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.examples.world.WorldCommand;
import dev.statecraft.examples.world.ZoneState;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One world zone driven by one thread at a time: its players entered, then walking back and forth, one
 * {@code Move} (one event) per command. Command ids are unique in the zone for as long as the driver
 * lives, so it may drive the zone through one engine and then another on the same store.
 */
final class ZoneDriver {
    private final String zoneId;
    private final ZoneWalk walk;
    private final CommandIds commandIds;
    private long commands;

    private ZoneDriver(String zoneId, ZoneWalk walk, CommandIds commandIds) {
        this.zoneId = zoneId;
        this.walk = walk;
        this.commandIds = commandIds;
    }

    /** Creates the zone in {@code engine} and enters {@code players} players, who stand on the spawn point. */
    static ZoneDriver enter(Engine engine, GameType<ZoneState, ?, ?, ?> type, String zoneId, int players) {
        return enter(engine, type, zoneId, players, CommandIds.SEQUENTIAL);
    }

    /** The same, naming the zone's commands as {@code commandIds} says. */
    static ZoneDriver enter(Engine engine, GameType<ZoneState, ?, ?, ?> type, String zoneId, int players, CommandIds commandIds) {
        ZoneState zone = engine.create(type, zoneId, Setup.empty()).value();
        String[] playerIds = ZoneWalk.playerIds(zoneId, players);
        ZoneDriver driver = new ZoneDriver(zoneId, ZoneWalk.of(playerIds, zone.settings()), commandIds);
        for (String playerId : playerIds) {
            driver.submit(engine, Actor.player(playerId), new WorldCommand.EnterWorld());
        }
        return driver;
    }

    /**
     * Zones {@code <prefix>-0 ...} entered concurrently, one virtual thread per zone, so that durable
     * creates and entries are committed together rather than one sync each.
     */
    static List<ZoneDriver> enterAll(Engine engine, GameType<ZoneState, ?, ?, ?> type, String prefix, int zones, int players) {
        return enterAll(engine, type, prefix, zones, players, CommandIds.SEQUENTIAL);
    }

    /** The same, naming the zones' commands as {@code commandIds} says. */
    static List<ZoneDriver> enterAll(Engine engine, GameType<ZoneState, ?, ?, ?> type, String prefix, int zones, int players, CommandIds commandIds) {
        try (ExecutorService setup = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(prefix + "-setup-", 0).factory())) {
            List<Future<ZoneDriver>> entered = new ArrayList<>(zones);
            for (int i = 0; i < zones; i++) {
                String zoneId = prefix + "-" + i;
                entered.add(setup.submit(() -> enter(engine, type, zoneId, players, commandIds)));
            }
            List<ZoneDriver> drivers = new ArrayList<>(zones);
            for (Future<ZoneDriver> zone : entered) {
                drivers.add(zone.get());
            }
            return drivers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while entering players into " + zones + " zones", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("entering players into zone failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    String zoneId() {
        return zoneId;
    }

    /** Submits the next step of the walk; returns the number of events it wrote. */
    int move(Engine engine) {
        ZoneWalk.Step step = walk.next();
        return submit(engine, step.actor(), step.move());
    }

    private int submit(Engine engine, Actor actor, WorldCommand command) {
        String commandId = commandIds.id(++commands);
        return switch (engine.submit(zoneId, CommandRequest.of(commandId, actor, command))) {
            case CommandResult.Accepted accepted -> accepted.eventCount();
            case CommandResult.Rejected rejected -> throw new IllegalStateException("zone " + zoneId + ": " + command + " by " + actor
                    + " was rejected with " + rejected.code() + ": " + rejected.message() + " (the driver sends only legal commands)");
        };
    }
}
