package dev.statecraft.examples.world;

import dev.statecraft.examples.world.WorldEvent.PlayerEntered;
import dev.statecraft.examples.world.WorldEvent.PlayerLeft;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Context;
import dev.statecraft.rules.Decision;

/** Entering and leaving the zone. */
final class PresenceDecisions {
    /** Players a zone holds at most; past it, players are sent to another zone by the host application. */
    static final int MAX_PLAYERS = 500;

    private PresenceDecisions() {
    }

    static Decision<WorldEvent> enter(ZoneState state, Context ctx) {
        return switch (ctx.actor()) {
            case Actor.Host host -> Refusals.wrongSeat("EnterWorld is sent by a player for themself, not by the host");
            case Actor.Player player -> {
                if (state.player(player.id()).isPresent()) {
                    yield Refusals.invalidMove("player " + player.id() + " is already in this zone");
                }
                if (state.players().size() >= MAX_PLAYERS) {
                    yield Refusals.invalidMove("the zone is full (" + MAX_PLAYERS + " players)");
                }
                yield Decision.accept(new PlayerEntered(player.id(), state.settings().spawn(), ItemCatalog.STARTING_ITEMS));
            }
        };
    }

    static Decision<WorldEvent> leave(PlayerEntity player) {
        return Decision.accept(new PlayerLeft(player.id()));
    }
}
