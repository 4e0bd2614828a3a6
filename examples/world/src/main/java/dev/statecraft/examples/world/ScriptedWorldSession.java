package dev.statecraft.examples.world;

import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.examples.world.WorldCommand.AcceptTrade;
import dev.statecraft.examples.world.WorldCommand.DespawnExpired;
import dev.statecraft.examples.world.WorldCommand.Drop;
import dev.statecraft.examples.world.WorldCommand.EnterWorld;
import dev.statecraft.examples.world.WorldCommand.Equip;
import dev.statecraft.examples.world.WorldCommand.GrantItem;
import dev.statecraft.examples.world.WorldCommand.Move;
import dev.statecraft.examples.world.WorldCommand.OfferTrade;
import dev.statecraft.examples.world.WorldCommand.PickUp;
import dev.statecraft.examples.world.WorldCommand.TakeDamage;
import dev.statecraft.examples.world.WorldCommand.Train;
import dev.statecraft.examples.world.WorldCommand.UseItem;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Setup;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A short scripted session in a new zone: two players enter, move, take damage, heal, train, receive
 * loot, drop and pick up items, trade, and the host despawns what lay on the ground too long. With an
 * engine built with a fixed seed and clock, the transcript is the same on every run.
 */
public final class ScriptedWorldSession {
    private static final Actor ANN = Actor.player("ann");
    private static final Actor BOB = Actor.player("bob");
    private static final Actor HOST = Actor.host();

    private final Engine engine;
    private final String gameId;
    private final PrintStream out;
    private final List<CommandResult> results = new ArrayList<>();

    private ScriptedWorldSession(Engine engine, String gameId, PrintStream out) {
        this.engine = engine;
        this.gameId = gameId;
        this.out = out;
    }

    /**
     * Plays the session in a new game {@code gameId}. The engine's clock is not this method's to move, so
     * unless the session runs for two minutes, the host's despawn finds nothing expired.
     */
    public static List<CommandResult> play(Engine engine, String gameId, PrintStream out) {
        ScriptedWorldSession session = new ScriptedWorldSession(engine, gameId, out);
        session.run(wait -> out.println("     (the items would despawn " + wait.toSeconds() + " s from now; a timer would send DespawnExpired then)"));
        return List.copyOf(session.results);
    }

    /**
     * Plays the session in a new game {@code gameId}, calling {@code passTime} where the script waits for
     * dropped items to despawn: give it a way to advance the engine's clock to see them go.
     */
    public static List<CommandResult> play(Engine engine, String gameId, PrintStream out, Consumer<Duration> passTime) {
        ScriptedWorldSession session = new ScriptedWorldSession(engine, gameId, out);
        session.run(wait -> {
            passTime.accept(wait);
            out.println("     (" + wait.toSeconds() + " s later)");
        });
        return List.copyOf(session.results);
    }

    private void run(Consumer<Duration> waitFor) {
        engine.create(World.TYPE, gameId, Setup.empty());
        ZoneSettings settings = state().settings();
        Position spawn = settings.spawn();
        out.println("zone " + gameId + ": " + settings.width() + "x" + settings.height() + " tiles, spawn at " + spawn);
        send(ANN, new EnterWorld());
        send(BOB, new EnterWorld());
        send(ANN, new Move(spawn.x() + 1, spawn.y()));
        send(BOB, new Move(spawn.x(), spawn.y() + 1));
        send(ANN, new Move(spawn.x() + 9, spawn.y() + 9));
        send(HOST, new TakeDamage("ann", 45));
        send(ANN, new UseItem(slotOf("ann", ItemCatalog.HEALTH_POTION)));
        send(ANN, new Train(Skill.ATTACK));
        send(BOB, new Train(Skill.FISHING));
        send(HOST, new GrantItem("bob", ItemCatalog.IRON_SWORD, 1));
        send(BOB, new Equip(slotOf("bob", ItemCatalog.IRON_SWORD)));
        send(ANN, new Drop(slotOf("ann", ItemCatalog.COINS), 10));
        send(BOB, new PickUp(onlyGroundItemId()));
        send(ANN, new OfferTrade("bob", Map.of(slotOf("ann", ItemCatalog.COINS), 15), Map.of(ItemCatalog.BRONZE_SWORD, 1)));
        send(BOB, new AcceptTrade(onlyTradeId()));
        send(ANN, new Drop(slotOf("ann", ItemCatalog.WOODEN_SHIELD), 1));
        send(HOST, new DespawnExpired());
        waitFor.accept(settings.despawnAfter().plusSeconds(1));
        send(HOST, new DespawnExpired());
        send(HOST, new TakeDamage("bob", 500));
        for (PlayerEntity player : state().players().values()) {
            out.println(player.id() + ": " + player.hp() + "/" + player.maxHp() + " HP at " + player.position()
                    + ", carries " + player.inventory().slots().values() + ", wears " + player.equipment().worn().values());
        }
    }

    private void send(Actor actor, WorldCommand command) {
        CommandResult result = engine.submit(gameId, CommandRequest.of(gameId + "-" + (results.size() + 1), actor, command));
        results.add(result);
        String who = actor instanceof Actor.Player player ? player.id() : "host";
        String outcome = switch (result) {
            case CommandResult.Accepted accepted -> accepted.eventCount() == 0
                    ? "accepted, nothing to do"
                    : "accepted -> v" + accepted.version() + describeNewEvents(accepted);
            case CommandResult.Rejected rejected -> "rejected " + rejected.code() + ": " + rejected.message();
        };
        out.printf("%3d  %-5s %-62s %s%n", results.size(), who, command, outcome);
    }

    private String describeNewEvents(CommandResult.Accepted accepted) {
        return engine.events(gameId, accepted.version() - accepted.eventCount() + 1, accepted.version()).stream()
                .map(recorded -> EventDescriptions.describe((WorldEvent) recorded.event()))
                .collect(Collectors.joining("; ", ": ", ""));
    }

    private ZoneState state() {
        return engine.state(gameId, ZoneState.class).value();
    }

    private int slotOf(String playerId, String itemId) {
        return state().requirePlayer(playerId).inventory().slots().entrySet().stream()
                .filter(slot -> slot.getValue().itemId().equals(itemId))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("scripted session: " + playerId + " carries no " + itemId));
    }

    private String onlyGroundItemId() {
        return state().regions().values().stream().flatMap(r -> r.groundItems().keySet().stream()).findFirst()
                .orElseThrow(() -> new IllegalStateException("scripted session: nothing lies on the ground"));
    }

    private String onlyTradeId() {
        return state().trades().keySet().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("scripted session: no trade is pending"));
    }
}
