package dev.statecraft.bench;

import dev.statecraft.examples.world.WorldCommand.Move;
import dev.statecraft.examples.world.ZoneSettings;
import dev.statecraft.rules.Actor;
import java.util.HashMap;
import java.util.Map;

/**
 * What a backend without the pure-rules model would write for the same moves: player positions in a
 * mutable map, checked as the world's rules check them (player in the zone, tile inside it, 1 or 2
 * steps) and changed in place. No events, no immutable state.
 */
final class MutableZonePositions {
    private final Map<String, int[]> positions = new HashMap<>();
    private final int width;
    private final int height;

    private MutableZonePositions(ZoneSettings settings) {
        this.width = settings.width();
        this.height = settings.height();
    }

    /** A zone where {@code playerIds} all stand on the spawn point. */
    static MutableZonePositions withPlayersAtSpawn(String[] playerIds, ZoneSettings settings) {
        MutableZonePositions zone = new MutableZonePositions(settings);
        for (String playerId : playerIds) {
            zone.positions.put(playerId, new int[] {settings.spawn().x(), settings.spawn().y()});
        }
        return zone;
    }

    int[] move(Actor actor, Move move) {
        if (!(actor instanceof Actor.Player player)) {
            throw new IllegalStateException("only players move (was " + actor + ")");
        }
        int[] at = positions.get(player.id());
        if (at == null) {
            throw new IllegalStateException("player " + player.id() + " is not in this zone");
        }
        if (move.x() < 0 || move.x() >= width || move.y() < 0 || move.y() >= height) {
            throw new IllegalStateException("tile (" + move.x() + ", " + move.y() + ") is outside the zone");
        }
        int steps = Math.max(Math.abs(move.x() - at[0]), Math.abs(move.y() - at[1]));
        if (steps == 0 || steps > Move.MAX_STEPS) {
            throw new IllegalStateException("player " + player.id() + " cannot move " + steps + " steps");
        }
        at[0] = move.x();
        at[1] = move.y();
        return at;
    }
}
