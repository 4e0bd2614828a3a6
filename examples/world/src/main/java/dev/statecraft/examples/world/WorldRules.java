package dev.statecraft.examples.world;

import dev.statecraft.examples.world.WorldCommand.AcceptTrade;
import dev.statecraft.examples.world.WorldCommand.ByHost;
import dev.statecraft.examples.world.WorldCommand.ByPlayer;
import dev.statecraft.examples.world.WorldCommand.CancelTrade;
import dev.statecraft.examples.world.WorldCommand.DespawnExpired;
import dev.statecraft.examples.world.WorldCommand.Drop;
import dev.statecraft.examples.world.WorldCommand.EnterWorld;
import dev.statecraft.examples.world.WorldCommand.Equip;
import dev.statecraft.examples.world.WorldCommand.GrantItem;
import dev.statecraft.examples.world.WorldCommand.LeaveWorld;
import dev.statecraft.examples.world.WorldCommand.Move;
import dev.statecraft.examples.world.WorldCommand.OfferTrade;
import dev.statecraft.examples.world.WorldCommand.PickUp;
import dev.statecraft.examples.world.WorldCommand.TakeDamage;
import dev.statecraft.examples.world.WorldCommand.Train;
import dev.statecraft.examples.world.WorldCommand.Unequip;
import dev.statecraft.examples.world.WorldCommand.UseItem;
import dev.statecraft.rules.Context;
import dev.statecraft.rules.Decision;
import dev.statecraft.rules.Rules;
import dev.statecraft.rules.Seat;
import dev.statecraft.rules.Setup;

/**
 * The rules of a world zone. Who may send a command is settled first: a player not in the zone, or a
 * command naming one, is refused with {@code unknown-player}; a player acting as the host or for another
 * player with {@code wrong-seat}; then each command's own rules refuse with {@code invalid-move}.
 */
public final class WorldRules implements Rules<ZoneState, WorldCommand, WorldEvent, WorldView> {

    @Override
    public ZoneState initialState(Setup setup) {
        return ZoneState.initial(ZoneSettings.from(setup));
    }

    @Override
    public Decision<WorldEvent> decide(ZoneState state, WorldCommand command, Context ctx) {
        String name = command.getClass().getSimpleName();
        return switch (command) {
            case EnterWorld enter -> PresenceDecisions.enter(state, ctx);
            case ByPlayer byPlayer -> Actors.asPlayerInZone(state, ctx, name, player -> decideFor(state, player, byPlayer, ctx));
            case ByHost byHost -> Actors.asHost(ctx, name, () -> decideForHost(state, byHost, ctx));
        };
    }

    private static Decision<WorldEvent> decideFor(ZoneState state, PlayerEntity player, ByPlayer command, Context ctx) {
        return switch (command) {
            case LeaveWorld leave -> PresenceDecisions.leave(player);
            case Move move -> MovementDecisions.move(state, player, move);
            case UseItem use -> ItemDecisions.use(player, use);
            case Equip equip -> ItemDecisions.equip(player, equip);
            case Unequip unequip -> ItemDecisions.unequip(player, unequip);
            case Train train -> TrainingDecisions.train(player, train, ctx);
            case Drop drop -> GroundDecisions.drop(state, player, drop, ctx);
            case PickUp pickUp -> GroundDecisions.pickUp(state, player, pickUp, ctx);
            case OfferTrade offer -> TradeDecisions.offer(state, player, offer, ctx);
            case AcceptTrade accept -> TradeDecisions.accept(state, player, accept);
            case CancelTrade cancel -> TradeDecisions.cancel(state, player, cancel);
        };
    }

    private static Decision<WorldEvent> decideForHost(ZoneState state, ByHost command, Context ctx) {
        return switch (command) {
            case TakeDamage damage -> Actors.withPlayer(state, damage.playerId(), player -> CombatDecisions.takeDamage(state, player, damage));
            case GrantItem grant -> Actors.withPlayer(state, grant.playerId(), player -> ItemDecisions.grant(player, grant));
            case DespawnExpired despawn -> GroundDecisions.despawnExpired(state, ctx);
        };
    }

    @Override
    public ZoneState evolve(ZoneState state, WorldEvent event) {
        return ZoneEvolution.apply(state, event);
    }

    @Override
    public WorldView view(ZoneState state, Seat seat) {
        return WorldViews.of(state, seat);
    }
}
