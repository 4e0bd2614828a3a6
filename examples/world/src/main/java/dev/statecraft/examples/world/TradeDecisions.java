package dev.statecraft.examples.world;

import dev.statecraft.examples.world.WorldCommand.AcceptTrade;
import dev.statecraft.examples.world.WorldCommand.CancelTrade;
import dev.statecraft.examples.world.WorldCommand.OfferTrade;
import dev.statecraft.examples.world.WorldEvent.TradeCancelled;
import dev.statecraft.examples.world.WorldEvent.TradeCompleted;
import dev.statecraft.examples.world.WorldEvent.TradeOffered;
import dev.statecraft.rules.Context;
import dev.statecraft.rules.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Offering, accepting and cancelling trades between two players of the zone. */
final class TradeDecisions {
    /** Pending offers one player may have made at a time. */
    static final int MAX_PENDING_OFFERS = 10;

    private TradeDecisions() {
    }

    static Decision<WorldEvent> offer(ZoneState state, PlayerEntity player, OfferTrade command, Context ctx) {
        if (command.toPlayerId().equals(player.id())) {
            return Refusals.invalidMove("player " + player.id() + " cannot trade with themself");
        }
        if (state.player(command.toPlayerId()).isEmpty()) {
            return Refusals.unknownPlayer(command.toPlayerId());
        }
        if (command.give().isEmpty() && command.want().isEmpty()) {
            return Refusals.invalidMove("a trade must give or want at least one item");
        }
        long pending = state.trades().values().stream().filter(t -> t.fromPlayerId().equals(player.id())).count();
        if (pending >= MAX_PENDING_OFFERS) {
            return Refusals.invalidMove("player " + player.id() + " already has " + pending + " pending offers, the most allowed");
        }
        TreeMap<String, Integer> give = new TreeMap<>();
        for (Map.Entry<Integer, Integer> slot : command.give().entrySet()) {
            Optional<ItemStack> held = Inventory.isSlot(slot.getKey()) ? player.inventory().at(slot.getKey()) : Optional.empty();
            if (held.isEmpty()) {
                return Refusals.invalidMove("inventory slot " + slot.getKey() + " of player " + player.id() + " holds nothing to give");
            }
            if (slot.getValue() < 1 || slot.getValue() > held.get().quantity()) {
                return Refusals.invalidMove("quantity to give from slot " + slot.getKey() + " must be 1 to " + held.get().quantity()
                        + " (was " + slot.getValue() + ")");
            }
            give.merge(held.get().itemId(), slot.getValue(), Integer::sum);
        }
        for (Map.Entry<String, Integer> wanted : command.want().entrySet()) {
            if (ItemCatalog.find(wanted.getKey()).isEmpty()) {
                return Refusals.invalidMove("there is no item " + wanted.getKey() + " in the catalog");
            }
            if (wanted.getValue() < 1 || wanted.getValue() > ItemStack.MAX_QUANTITY) {
                return Refusals.invalidMove("quantity of " + wanted.getKey() + " wanted must be 1 to " + ItemStack.MAX_QUANTITY
                        + " (was " + wanted.getValue() + ")");
            }
        }
        Trade trade = new Trade(Trade.idFor(ctx.version() + 1), player.id(), command.toPlayerId(), stacks(give), stacks(command.want()));
        return Decision.accept(new TradeOffered(trade));
    }

    static Decision<WorldEvent> accept(ZoneState state, PlayerEntity player, AcceptTrade command) {
        return state.trade(command.tradeId()).map(trade -> {
            if (!trade.toPlayerId().equals(player.id())) {
                return Refusals.wrongSeat("trade " + trade.id() + " was offered to player " + trade.toPlayerId() + ", not to " + player.id());
            }
            return switch (TradeSettlement.of(trade, state.requirePlayer(trade.fromPlayerId()), player)) {
                case TradeSettlement.Settled settled -> Decision.<WorldEvent>accept(new TradeCompleted(trade.id()));
                case TradeSettlement.Unsettled unsettled -> Refusals.invalidMove("trade " + trade.id() + " cannot be completed: " + unsettled.reason());
            };
        }).orElseGet(() -> noSuchTrade(command.tradeId()));
    }

    static Decision<WorldEvent> cancel(ZoneState state, PlayerEntity player, CancelTrade command) {
        return state.trade(command.tradeId()).map(trade -> trade.involves(player.id())
                ? Decision.<WorldEvent>accept(new TradeCancelled(trade.id()))
                : Refusals.wrongSeat("player " + player.id() + " is not a party to trade " + trade.id()))
                .orElseGet(() -> noSuchTrade(command.tradeId()));
    }

    private static Decision<WorldEvent> noSuchTrade(String tradeId) {
        return Refusals.invalidMove("no trade " + tradeId + " is pending");
    }

    private static List<ItemStack> stacks(Map<String, Integer> quantities) {
        List<ItemStack> stacks = new ArrayList<>();
        new TreeMap<>(quantities).forEach((itemId, quantity) -> stacks.add(new ItemStack(itemId, quantity)));
        return List.copyOf(stacks);
    }
}
