package dev.statecraft.examples.world;

import java.util.List;
import java.util.Objects;

/** What one seat may see of a zone. */
public sealed interface WorldView {

    ZoneSettings settings();

    /**
     * A player in the zone: their own entity in full, the others' public side, the ground items of their
     * own region and the eight around it, and the trades they are a party to.
     */
    record PlayerView(ZoneSettings settings, PlayerEntity self, List<PublicPlayer> others, List<GroundItem> groundItems,
                      List<Trade> trades) implements WorldView {
        public PlayerView {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(self, "self");
            others = List.copyOf(others);
            groundItems = List.copyOf(groundItems);
            trades = List.copyOf(trades);
        }
    }

    /**
     * A spectator, or a player seat whose player is not in the zone: every player's public side and every
     * ground item of the zone, as an overview camera would show them; no inventories and no trades.
     */
    record SpectatorView(ZoneSettings settings, List<PublicPlayer> players, List<GroundItem> groundItems) implements WorldView {
        public SpectatorView {
            Objects.requireNonNull(settings, "settings");
            players = List.copyOf(players);
            groundItems = List.copyOf(groundItems);
        }
    }
}
