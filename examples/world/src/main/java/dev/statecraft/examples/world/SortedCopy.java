package dev.statecraft.examples.world;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Immutable copies of maps that iterate in key order. {@code Map.copyOf} iterates in an order salted per
 * JVM, which would make decisions, snapshots and views differ between runs of the same history.
 */
final class SortedCopy {
    private SortedCopy() {
    }

    static <K extends Comparable<K>, V> SortedMap<K, V> of(Map<K, V> map) {
        TreeMap<K, V> copy = new TreeMap<>();
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "map key"), Objects.requireNonNull(value, "value of " + key)));
        return Collections.unmodifiableSortedMap(copy);
    }
}
