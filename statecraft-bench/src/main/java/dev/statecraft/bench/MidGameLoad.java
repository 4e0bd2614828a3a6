package dev.statecraft.bench;

import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.examples.cards.CardState;
import dev.statecraft.examples.cards.Cards;
import dev.statecraft.examples.world.World;
import dev.statecraft.examples.world.WorldCommand;
import dev.statecraft.examples.world.WorldEvent;
import dev.statecraft.examples.world.WorldView;
import dev.statecraft.persistence.Persistence;
import dev.statecraft.rules.GameType;

import dev.statecraft.examples.world.ZoneState;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Setup;

/**
 * Fills an engine with games that are mid-game: card matches with both seats taken and a few moves
 * played; world zones with players who entered and took a step. Player ids differ from game to game, as
 * they would in production, so each state holds its own.
 */
final class MidGameLoad {
    static final int MOVES_PER_MATCH = 4;
    static final int PLAYERS_PER_ZONE = 4;

    private MidGameLoad() {
    }

    /** {@code count} card matches "match-0"..., each joined by two players who then make {@link #MOVES_PER_MATCH} moves. */
    static LoadedGames cardMatches(Engine engine, int count) {
        LoadedGames loaded = new LoadedGames(count);
        for (int i = 0; i < count; i++) {
            String matchId = "match-" + i;
            engine.create(Cards.TYPE, matchId, Setup.empty());
            CardBot bot = CardBot.seating(matchId + "-ann", matchId + "-bob");
            for (int command = 1; command <= 2 + MOVES_PER_MATCH; command++) {
                CardBot.CardMove move = bot.next(engine.state(matchId, CardState.class).value());
                submit(engine, matchId, "c-" + command, move.actor(), move.command());
            }
            loaded.add(i, matchId, engine.state(matchId).value());
        }
        return loaded;
    }

    /**
     * The world's rules kept as plain events. {@code World.TYPE} is hybrid: passivating a zone writes its
     * state into the store, and the in-memory store lives in the measured heap, so the bytes the engine
     * frees would be hidden by the snapshot the store gains.
     */
    static final GameType<ZoneState, WorldCommand, WorldEvent, WorldView> EVENT_SOURCED_WORLD =
            GameType.builder("world", World.RULES, ZoneState.class, WorldCommand.class, WorldEvent.class)
                    .persistence(Persistence.defaults())
                    .build();

    /** {@code count} world zones "zone-0"..., each entered by {@link #PLAYERS_PER_ZONE} players who then take one step each. */
    static LoadedGames zones(Engine engine, int count) {
        LoadedGames loaded = new LoadedGames(count);
        for (int i = 0; i < count; i++) {
            String zoneId = "zone-" + i;
            ZoneState initial = engine.create(EVENT_SOURCED_WORLD, zoneId, Setup.empty()).value();
            String[] playerIds = ZoneWalk.playerIds(zoneId, PLAYERS_PER_ZONE);
            int command = 0;
            for (String playerId : playerIds) {
                submit(engine, zoneId, "c-" + ++command, Actor.player(playerId), new WorldCommand.EnterWorld());
            }
            ZoneWalk walk = ZoneWalk.of(playerIds, initial.settings());
            for (int step = 0; step < PLAYERS_PER_ZONE; step++) {
                ZoneWalk.Step next = walk.next();
                submit(engine, zoneId, "c-" + ++command, next.actor(), next.move());
            }
            loaded.add(i, zoneId, engine.state(zoneId).value());
        }
        return loaded;
    }

    private static void submit(Engine engine, String gameId, String commandId, Actor actor, Object command) {
        CommandResult result = engine.submit(gameId, CommandRequest.of(commandId, actor, command));
        if (result instanceof CommandResult.Rejected rejected) {
            throw new IllegalStateException("game " + gameId + ": " + command + " by " + actor + " was rejected with "
                    + rejected.code() + ": " + rejected.message());
        }
    }
}
