package dev.statecraft.bench;

import dev.statecraft.examples.world.Position;
import dev.statecraft.examples.world.WorldCommand.Move;
import dev.statecraft.examples.world.ZoneSettings;
import dev.statecraft.rules.Actor;

/**
 * Which player of one zone moves where next: players take turns in order, each stepping from the spawn
 * point to a neighbouring tile (a different direction per player) and back on their next turn. Every
 * move is legal for players who entered at the spawn point and moved only as told here.
 */
public final class ZoneWalk {
    private static final int[][] DIRECTIONS = {{1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}};

    private final Actor[] players;
    private final Move[] away;
    private final Move[] home;
    private long moves;

    public record Step(Actor actor, Move move) {
    }

    private ZoneWalk(String[] playerIds, Position spawn) {
        players = new Actor[playerIds.length];
        away = new Move[playerIds.length];
        home = new Move[playerIds.length];
        for (int i = 0; i < playerIds.length; i++) {
            int[] direction = DIRECTIONS[i % DIRECTIONS.length];
            players[i] = Actor.player(playerIds[i]);
            away[i] = new Move(spawn.x() + direction[0], spawn.y() + direction[1]);
            home[i] = new Move(spawn.x(), spawn.y());
        }
    }

    /** The walk of {@code playerIds}, all standing on the spawn point of a zone with {@code settings}. */
    public static ZoneWalk of(String[] playerIds, ZoneSettings settings) {
        return new ZoneWalk(playerIds, settings.spawn());
    }

    /** Player ids {@code <zoneId>-p0, <zoneId>-p1, ...}. */
    public static String[] playerIds(String zoneId, int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = zoneId + "-p" + i;
        }
        return ids;
    }

    public Step next() {
        int player = (int) (moves % players.length);
        boolean outbound = (moves / players.length) % 2 == 0;
        moves++;
        return new Step(players[player], outbound ? away[player] : home[player]);
    }
}
