package dev.statecraft.examples.world;

/** A tile of the zone, {@code x} to the east and {@code y} to the south, both from 0. */
public record Position(int x, int y) {

    /** Steps a player needs to walk from here to {@code other}, diagonals counting as one. */
    public int stepsTo(Position other) {
        return Math.max(Math.abs(x - other.x), Math.abs(y - other.y));
    }

    @Override
    public String toString() {
        return "(" + x + ", " + y + ")";
    }
}
