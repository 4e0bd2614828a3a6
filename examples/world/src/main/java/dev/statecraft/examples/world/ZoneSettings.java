package dev.statecraft.examples.world;

import dev.statecraft.rules.Setup;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The shape of a zone, read from the game's {@link Setup}: {@code width} and {@code height} in tiles
 * (64 x 64 by default), {@code regionSize} in tiles per region side (16), and {@code despawnSeconds}, how
 * long dropped items stay on the ground (120). Unknown keys are refused, so a typo never goes unnoticed.
 */
public record ZoneSettings(int width, int height, int regionSize, int despawnSeconds) {
    public static final String WIDTH = "width";
    public static final String HEIGHT = "height";
    public static final String REGION_SIZE = "regionSize";
    public static final String DESPAWN_SECONDS = "despawnSeconds";
    public static final int MAX_SIDE = 4_096;
    public static final int MAX_REGIONS = 4_096;
    public static final int MAX_DESPAWN_SECONDS = 86_400;
    private static final Set<String> KEYS = Set.of(WIDTH, HEIGHT, REGION_SIZE, DESPAWN_SECONDS);

    public ZoneSettings {
        requireBetween(WIDTH, width, 1, MAX_SIDE);
        requireBetween(HEIGHT, height, 1, MAX_SIDE);
        requireBetween(REGION_SIZE, regionSize, 1, Math.max(width, height));
        requireBetween(DESPAWN_SECONDS, despawnSeconds, 1, MAX_DESPAWN_SECONDS);
        long regions = (long) Math.ceilDiv(width, regionSize) * Math.ceilDiv(height, regionSize);
        if (regions > MAX_REGIONS) {
            throw new IllegalArgumentException("setup value '" + REGION_SIZE + "' of " + regionSize + " cuts a " + width + "x" + height
                    + " zone into " + regions + " regions; at most " + MAX_REGIONS + " are allowed");
        }
    }

    public static ZoneSettings defaults() {
        return new ZoneSettings(64, 64, 16, 120);
    }

    public static ZoneSettings from(Setup setup) {
        List<String> unknown = setup.values().keySet().stream().filter(k -> !KEYS.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown setup key(s) " + unknown + " for a world zone; known keys are "
                    + WIDTH + ", " + HEIGHT + ", " + REGION_SIZE + ", " + DESPAWN_SECONDS);
        }
        ZoneSettings defaults = defaults();
        return new ZoneSettings(
                setup.integer(WIDTH, defaults.width),
                setup.integer(HEIGHT, defaults.height),
                setup.integer(REGION_SIZE, defaults.regionSize),
                setup.integer(DESPAWN_SECONDS, defaults.despawnSeconds));
    }

    public int columns() {
        return Math.ceilDiv(width, regionSize);
    }

    public int rows() {
        return Math.ceilDiv(height, regionSize);
    }

    public boolean contains(Position position) {
        return position.x() >= 0 && position.x() < width && position.y() >= 0 && position.y() < height;
    }

    /** Where players enter and come back after dying: the middle of the zone. */
    public Position spawn() {
        return new Position(width / 2, height / 2);
    }

    public String regionIdAt(Position position) {
        return Region.idOf(position.x() / regionSize, position.y() / regionSize);
    }

    public Duration despawnAfter() {
        return Duration.ofSeconds(despawnSeconds);
    }

    private static void requireBetween(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("setup value '" + key + "' must be " + min + " to " + max + " (was " + value + ")");
        }
    }
}
