package dev.statecraft.examples.world;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A player's {@value #SIZE} carrying slots, numbered 0 to 27; empty slots are absent from {@code slots}.
 * A stackable item occupies one slot whatever its quantity; each copy of any other item takes a slot of
 * its own. Items go into the lowest free slot and leave from the lowest slot holding them.
 */
public record Inventory(Map<Integer, ItemStack> slots) {
    public static final int SIZE = 28;

    public Inventory {
        slots = SortedCopy.of(slots);
        for (Map.Entry<Integer, ItemStack> slot : slots.entrySet()) {
            if (!isSlot(slot.getKey())) {
                throw new IllegalArgumentException("inventory slot must be 0 to " + (SIZE - 1) + " (was " + slot.getKey() + ")");
            }
            if (slot.getValue().quantity() > 1 && !ItemCatalog.get(slot.getValue().itemId()).stackable()) {
                throw new IllegalArgumentException("inventory slot " + slot.getKey() + " holds " + slot.getValue() + ", but that item does not stack");
            }
        }
    }

    public static Inventory empty() {
        return new Inventory(Map.of());
    }

    public static boolean isSlot(int slot) {
        return slot >= 0 && slot < SIZE;
    }

    public Optional<ItemStack> at(int slot) {
        return Optional.ofNullable(slots.get(slot));
    }

    public int count(String itemId) {
        return slots.values().stream().filter(s -> s.itemId().equals(itemId)).mapToInt(ItemStack::quantity).sum();
    }

    public int freeSlots() {
        return SIZE - slots.size();
    }

    /** This inventory with {@code stack} added, or empty when there is no room for all of it. */
    public Optional<Inventory> plus(ItemStack stack) {
        TreeMap<Integer, ItemStack> next = new TreeMap<>(slots);
        if (ItemCatalog.get(stack.itemId()).stackable()) {
            Optional<Integer> existing = firstSlotHolding(stack.itemId());
            if (existing.isPresent()) {
                long total = (long) next.get(existing.get()).quantity() + stack.quantity();
                if (total > ItemStack.MAX_QUANTITY) {
                    return Optional.empty();
                }
                next.put(existing.get(), stack.withQuantity((int) total));
                return Optional.of(new Inventory(next));
            }
            return firstFreeSlot(next).map(slot -> {
                next.put(slot, stack);
                return new Inventory(next);
            });
        }
        if (stack.quantity() > SIZE - next.size()) {
            return Optional.empty();
        }
        for (int copy = 0; copy < stack.quantity(); copy++) {
            next.put(firstFreeSlot(next).orElseThrow(), stack.withQuantity(1));
        }
        return Optional.of(new Inventory(next));
    }

    public Optional<Inventory> plusAll(List<ItemStack> stacks) {
        Optional<Inventory> result = Optional.of(this);
        for (ItemStack stack : stacks) {
            result = result.flatMap(inventory -> inventory.plus(stack));
        }
        return result;
    }

    /** This inventory with {@code quantity} taken from {@code slot}, which must hold at least that many. */
    public Inventory minus(int slot, int quantity) {
        ItemStack held = slots.get(slot);
        if (held == null || held.quantity() < quantity) {
            throw new IllegalStateException("inventory slot " + slot + " holds " + (held == null ? "nothing" : held)
                    + ", not the " + quantity + " to take");
        }
        TreeMap<Integer, ItemStack> next = new TreeMap<>(slots);
        if (held.quantity() == quantity) {
            next.remove(slot);
        } else {
            next.put(slot, held.withQuantity(held.quantity() - quantity));
        }
        return new Inventory(next);
    }

    /** This inventory without {@code stack}, taken from the lowest slots first, or empty when it holds fewer. */
    public Optional<Inventory> minusItem(ItemStack stack) {
        if (count(stack.itemId()) < stack.quantity()) {
            return Optional.empty();
        }
        Inventory result = this;
        int left = stack.quantity();
        while (left > 0) {
            int slot = result.firstSlotHolding(stack.itemId()).orElseThrow();
            int taken = Math.min(left, result.slots.get(slot).quantity());
            result = result.minus(slot, taken);
            left -= taken;
        }
        return Optional.of(result);
    }

    public Optional<Inventory> minusAll(List<ItemStack> stacks) {
        Optional<Inventory> result = Optional.of(this);
        for (ItemStack stack : stacks) {
            result = result.flatMap(inventory -> inventory.minusItem(stack));
        }
        return result;
    }

    /** This inventory with {@code stack} put into {@code slot}, which must be empty. */
    public Inventory withSlot(int slot, ItemStack stack) {
        if (slots.containsKey(slot)) {
            throw new IllegalStateException("inventory slot " + slot + " already holds " + slots.get(slot));
        }
        TreeMap<Integer, ItemStack> next = new TreeMap<>(slots);
        next.put(slot, stack);
        return new Inventory(next);
    }

    private Optional<Integer> firstSlotHolding(String itemId) {
        return slots.entrySet().stream().filter(e -> e.getValue().itemId().equals(itemId)).map(Map.Entry::getKey).findFirst();
    }

    private static Optional<Integer> firstFreeSlot(Map<Integer, ItemStack> taken) {
        for (int slot = 0; slot < SIZE; slot++) {
            if (!taken.containsKey(slot)) {
                return Optional.of(slot);
            }
        }
        return Optional.empty();
    }
}
