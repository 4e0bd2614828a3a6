package dev.statecraft.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The parameters a game is created with, as text; stored with the game so its history can be replayed. */
public record Setup(Map<String, String> values) {

    public Setup {
        values = Map.copyOf(values);
    }

    public static Setup empty() {
        return new Setup(Map.of());
    }

    /** {@code Setup.of("handSize", "5", "deckSize", "40")}. */
    public static Setup of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Setup.of takes key/value pairs (got " + keysAndValues.length + " strings)");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(Objects.requireNonNull(keysAndValues[i]), Objects.requireNonNull(keysAndValues[i + 1]));
        }
        return new Setup(map);
    }

    public Optional<String> text(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public int integer(String key, int defaultValue) {
        String raw = values.get(key);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setup value '" + key + "' must be an integer (was '" + raw + "')", e);
        }
    }
}
