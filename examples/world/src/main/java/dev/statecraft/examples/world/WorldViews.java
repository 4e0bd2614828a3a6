package dev.statecraft.examples.world;

import dev.statecraft.examples.world.WorldView.PlayerView;
import dev.statecraft.examples.world.WorldView.SpectatorView;
import dev.statecraft.rules.Seat;
import java.util.List;
import java.util.function.Predicate;

/** Cuts a zone down to what one seat may see. */
final class WorldViews {
    private WorldViews() {
    }

    static WorldView of(ZoneState state, Seat seat) {
        return switch (seat) {
            case Seat.Spectator spectator -> spectatorView(state);
            case Seat.Player player -> state.player(player.id())
                    .<WorldView>map(self -> playerView(state, self))
                    .orElseGet(() -> spectatorView(state));
        };
    }

    private static PlayerView playerView(ZoneState state, PlayerEntity self) {
        Region here = state.regionAt(self.position());
        List<PublicPlayer> others = state.players().values().stream()
                .filter(p -> !p.id().equals(self.id()))
                .map(PublicPlayer::of)
                .toList();
        List<Trade> trades = state.trades().values().stream().filter(t -> t.involves(self.id())).toList();
        return new PlayerView(state.settings(), self, others, groundItems(state, here::isNear), trades);
    }

    private static SpectatorView spectatorView(ZoneState state) {
        List<PublicPlayer> players = state.players().values().stream().map(PublicPlayer::of).toList();
        return new SpectatorView(state.settings(), players, groundItems(state, region -> true));
    }

    private static List<GroundItem> groundItems(ZoneState state, Predicate<Region> visible) {
        return state.regions().values().stream()
                .filter(visible)
                .flatMap(region -> region.groundItems().values().stream())
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }
}
