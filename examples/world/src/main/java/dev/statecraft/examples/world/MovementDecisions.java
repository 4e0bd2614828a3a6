package dev.statecraft.examples.world;

import dev.statecraft.examples.world.WorldCommand.Move;
import dev.statecraft.examples.world.WorldEvent.PlayerMoved;
import dev.statecraft.rules.Decision;

/** Walking (one step) and running (two) across the zone's tiles. */
final class MovementDecisions {
    private MovementDecisions() {
    }

    static Decision<WorldEvent> move(ZoneState state, PlayerEntity player, Move move) {
        Position to = new Position(move.x(), move.y());
        ZoneSettings settings = state.settings();
        if (!settings.contains(to)) {
            return Refusals.invalidMove("tile " + to + " is outside the " + settings.width() + "x" + settings.height() + " zone");
        }
        int steps = player.position().stepsTo(to);
        if (steps == 0) {
            return Refusals.invalidMove("player " + player.id() + " already stands on " + to);
        }
        if (steps > Move.MAX_STEPS) {
            return Refusals.invalidMove("tile " + to + " is " + steps + " steps from player " + player.id() + " at " + player.position()
                    + "; a move goes at most " + Move.MAX_STEPS);
        }
        return Decision.accept(new PlayerMoved(player.id(), to));
    }
}
