package dev.statecraft.examples.world;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The items a player wears, by slot; empty slots are absent from {@code worn}. */
public record Equipment(Map<EquipmentSlot, String> worn) {

    public Equipment {
        worn = SortedCopy.of(worn);
    }

    public static Equipment none() {
        return new Equipment(Map.of());
    }

    public Optional<String> in(EquipmentSlot slot) {
        return Optional.ofNullable(worn.get(slot));
    }

    public Equipment wearing(EquipmentSlot slot, String itemId) {
        TreeMap<EquipmentSlot, String> next = new TreeMap<>(worn);
        next.put(slot, itemId);
        return new Equipment(next);
    }

    public Equipment without(EquipmentSlot slot) {
        TreeMap<EquipmentSlot, String> next = new TreeMap<>(worn);
        next.remove(slot);
        return new Equipment(next);
    }
}
