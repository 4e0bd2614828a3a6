package dev.statecraft.examples.world;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One zone of the world: the players in it, its map regions with their ground items, and the trades
 * offered between its players. One game holds the whole zone, so a trade between two of its players is
 * a single atomic command.
 */
public record ZoneState(ZoneSettings settings, Map<String, PlayerEntity> players, Map<String, Region> regions, Map<String, Trade> trades) {

    public ZoneState {
        Objects.requireNonNull(settings, "settings");
        players = SortedCopy.of(players);
        regions = SortedCopy.of(regions);
        trades = SortedCopy.of(trades);
    }

    /** An empty zone with every region of its map. */
    public static ZoneState initial(ZoneSettings settings) {
        TreeMap<String, Region> regions = new TreeMap<>();
        for (int column = 0; column < settings.columns(); column++) {
            for (int row = 0; row < settings.rows(); row++) {
                Region region = Region.empty(column, row);
                regions.put(region.id(), region);
            }
        }
        return new ZoneState(settings, Map.of(), regions, Map.of());
    }

    public Optional<PlayerEntity> player(String playerId) {
        return Optional.ofNullable(players.get(playerId));
    }

    /** The player {@code playerId}, whom an event names only once {@code decide} has checked they are here. */
    public PlayerEntity requirePlayer(String playerId) {
        return player(playerId).orElseThrow(() -> new IllegalStateException("player " + playerId + " is not in the zone"));
    }

    public Optional<Trade> trade(String tradeId) {
        return Optional.ofNullable(trades.get(tradeId));
    }

    public Region regionAt(Position position) {
        return requireRegion(settings.regionIdAt(position));
    }

    public Region requireRegion(String regionId) {
        Region region = regions.get(regionId);
        if (region == null) {
            throw new IllegalStateException("the zone has no region " + regionId);
        }
        return region;
    }

    public ZoneState withPlayer(PlayerEntity player) {
        return new ZoneState(settings, SortedCopy.with(players, player.id(), player), regions, trades);
    }

    /** The zone without {@code playerId} and without the trades they were part of. */
    public ZoneState withoutPlayer(String playerId) {
        Map<String, Trade> remaining = trades;
        for (Trade trade : trades.values()) {
            if (trade.involves(playerId)) {
                remaining = SortedCopy.without(remaining, trade.id());
            }
        }
        return new ZoneState(settings, SortedCopy.without(players, playerId), regions, remaining);
    }

    public ZoneState withRegion(Region region) {
        return new ZoneState(settings, players, SortedCopy.with(regions, region.id(), region), trades);
    }

    public ZoneState withTrade(Trade trade) {
        return new ZoneState(settings, players, regions, SortedCopy.with(trades, trade.id(), trade));
    }

    public ZoneState withoutTrade(String tradeId) {
        return new ZoneState(settings, players, regions, SortedCopy.without(trades, tradeId));
    }
}
