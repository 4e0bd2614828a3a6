package dev.statecraft.examples.world;

import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Context;
import dev.statecraft.rules.Decision;
import java.util.function.Function;
import java.util.function.Supplier;

/** Who may send what: players act for themselves once in the zone, the host sends the host's commands. */
final class Actors {
    private Actors() {
    }

    /** Decides with the sending player, who must be in the zone. */
    static Decision<WorldEvent> asPlayerInZone(ZoneState state, Context ctx, String commandName, Function<PlayerEntity, Decision<WorldEvent>> decide) {
        return switch (ctx.actor()) {
            case Actor.Host host -> Refusals.wrongSeat(commandName + " is sent by a player for themself, not by the host");
            case Actor.Player player -> state.player(player.id()).map(decide).orElseGet(() -> Refusals.unknownPlayer(player.id()));
        };
    }

    static Decision<WorldEvent> asHost(Context ctx, String commandName, Supplier<Decision<WorldEvent>> decide) {
        return switch (ctx.actor()) {
            case Actor.Host host -> decide.get();
            case Actor.Player player -> Refusals.wrongSeat(commandName + " is sent by the host only, not by player " + player.id());
        };
    }

    /** Decides with {@code playerId}, who must be in the zone. */
    static Decision<WorldEvent> withPlayer(ZoneState state, String playerId, Function<PlayerEntity, Decision<WorldEvent>> decide) {
        return state.player(playerId).map(decide).orElseGet(() -> Refusals.unknownPlayer(playerId));
    }
}
