package dev.statecraft.examples.world;

import java.util.Map;
import java.util.Objects;
import org.pcollections.PSortedMap;
import org.pcollections.TreePMap;

/**
 * Immutable maps that iterate in key order. {@code Map.copyOf} iterates in an order salted per JVM,
 * which would make decisions, snapshots and views differ between runs of the same history. The maps
 * are persistent: a map made here passes through again unchanged, and one change costs O(log n)
 * instead of a copy, so a move does not copy every other player, region and inventory of the zone.
 */
final class SortedCopy {
    private SortedCopy() {
    }

    static <K extends Comparable<? super K>, V> PSortedMap<K, V> of(Map<K, V> map) {
        if (map instanceof TreePMap<K, V> persistent) {
            return persistent;
        }
        map.forEach((key, value) -> {
            Objects.requireNonNull(key, "map key");
            Objects.requireNonNull(value, () -> "value of " + key);
        });
        return TreePMap.from(map);
    }

    static <K extends Comparable<? super K>, V> PSortedMap<K, V> with(Map<K, V> map, K key, V value) {
        return of(map).plus(key, Objects.requireNonNull(value, () -> "value of " + key));
    }

    static <K extends Comparable<? super K>, V> PSortedMap<K, V> without(Map<K, V> map, K key) {
        return of(map).minus(key);
    }
}
