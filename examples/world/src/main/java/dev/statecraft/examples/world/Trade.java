package dev.statecraft.examples.world;

import java.util.List;
import java.util.Objects;

/**
 * A pending offer: {@code fromPlayerId} gives {@code give} to {@code toPlayerId} for {@code want}. Items are
 * named by id and quantity, not by slot, so the offer stays meaningful while inventories move around;
 * whether both sides still hold them is checked when the trade is accepted.
 */
public record Trade(String id, String fromPlayerId, String toPlayerId, List<ItemStack> give, List<ItemStack> want) {

    public Trade {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fromPlayerId, "fromPlayerId");
        Objects.requireNonNull(toPlayerId, "toPlayerId");
        give = List.copyOf(give);
        want = List.copyOf(want);
    }

    /** Ids come from the version of the event that records the offer, so replay makes the same ones. */
    public static String idFor(long eventVersion) {
        return "t-" + eventVersion;
    }

    public boolean involves(String playerId) {
        return fromPlayerId.equals(playerId) || toPlayerId.equals(playerId);
    }
}
