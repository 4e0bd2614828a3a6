package dev.statecraft.examples.world;

import java.util.Optional;

/**
 * Works out both inventories after a trade: each side gives up its items, then receives the other's.
 * Used by {@code decide} to refuse a trade that cannot happen and by {@code evolve} to carry it out.
 */
sealed interface TradeSettlement {

    record Settled(Inventory offering, Inventory accepting) implements TradeSettlement {
    }

    record Unsettled(String reason) implements TradeSettlement {
    }

    static TradeSettlement of(Trade trade, PlayerEntity offering, PlayerEntity accepting) {
        Optional<Inventory> offeringGave = offering.inventory().minusAll(trade.give());
        if (offeringGave.isEmpty()) {
            return new Unsettled("player " + offering.id() + " no longer holds " + trade.give());
        }
        Optional<Inventory> acceptingGave = accepting.inventory().minusAll(trade.want());
        if (acceptingGave.isEmpty()) {
            return new Unsettled("player " + accepting.id() + " does not hold " + trade.want());
        }
        Optional<Inventory> offeringAfter = offeringGave.get().plusAll(trade.want());
        if (offeringAfter.isEmpty()) {
            return new Unsettled("player " + offering.id() + " has no room for " + trade.want());
        }
        Optional<Inventory> acceptingAfter = acceptingGave.get().plusAll(trade.give());
        if (acceptingAfter.isEmpty()) {
            return new Unsettled("player " + accepting.id() + " has no room for " + trade.give());
        }
        return new Settled(offeringAfter.get(), acceptingAfter.get());
    }
}
