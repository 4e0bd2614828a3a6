package dev.statecraft.bench.durability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code --name value} options of a load driver, checked against the names it knows, so a typo fails
 * the run instead of silently measuring the defaults.
 */
public final class DriverArgs {
    public static final String DATA = "--data";
    public static final String KEEP = "--keep";
    /** Where drivers make their data folders unless told otherwise; relative to the repository root. */
    static final Path DEFAULT_DATA_PARENT = Path.of("statecraft-bench", "target", "durability-data");

    private final Map<String, String> values;

    private DriverArgs(Map<String, String> values) {
        this.values = values;
    }

    /** @throws IllegalArgumentException naming the unknown option, or the option that has no value */
    public static DriverArgs parse(String[] args, Set<String> known) {
        Set<String> allowed = new TreeSet<>(known);
        allowed.add(DATA);
        allowed.add(KEEP);
        Map<String, String> values = new HashMap<>();
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String name = list.get(i);
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + name + "'; known options are " + String.join(", ", allowed));
            }
            if (name.equals(KEEP)) {
                values.put(name, "true");
                continue;
            }
            if (i + 1 == list.size()) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            values.put(name, list.get(++i));
        }
        return new DriverArgs(values);
    }

    public int integer(String name, int fallback) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number such as 1000 (was '" + text + "')", e);
        }
    }

    /** Seconds, fractions allowed ({@code --seconds 0.5}). */
    public Duration seconds(String name, Duration fallback) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Duration.ofNanos(Math.round(Double.parseDouble(text) * 1e9));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of seconds such as 10 or 0.5 (was '" + text + "')", e);
        }
    }

    public Path dataParent() {
        return dataParent(DEFAULT_DATA_PARENT);
    }

    public Path dataParent(Path fallback) {
        String text = values.get(DATA);
        return text == null ? fallback : Path.of(text);
    }

    /** A comma-separated list of whole numbers ({@code --connections 1000,10000}). */
    public List<Integer> integers(String name, List<Integer> fallback) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        List<Integer> numbers = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                numbers.add(Integer.parseInt(part.strip().replace("_", "")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be whole numbers separated by commas such as 1000,10000 (was '" + text + "')", e);
            }
        }
        return List.copyOf(numbers);
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public boolean keepData() {
        return values.containsKey(KEEP);
    }
}
