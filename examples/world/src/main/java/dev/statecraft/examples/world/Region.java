package dev.statecraft.examples.world;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A square of the map, {@code column} and {@code row} counted in regions, with the items lying on it. */
public record Region(String id, int column, int row, Map<String, GroundItem> groundItems) {

    public Region {
        Objects.requireNonNull(id, "id");
        groundItems = SortedCopy.of(groundItems);
    }

    public static String idOf(int column, int row) {
        return "r-" + column + "-" + row;
    }

    public static Region empty(int column, int row) {
        return new Region(idOf(column, row), column, row, Map.of());
    }

    public Optional<GroundItem> groundItem(String groundItemId) {
        return Optional.ofNullable(groundItems.get(groundItemId));
    }

    /** True when {@code other} is this region or touches it, also diagonally. */
    public boolean isNear(Region other) {
        return Math.abs(column - other.column) <= 1 && Math.abs(row - other.row) <= 1;
    }

    public Region withGroundItem(GroundItem item) {
        return new Region(id, column, row, SortedCopy.with(groundItems, item.id(), item));
    }

    public Region withoutGroundItem(String groundItemId) {
        return new Region(id, column, row, SortedCopy.without(groundItems, groundItemId));
    }
}
