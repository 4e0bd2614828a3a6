package dev.statecraft.examples.world;

import java.util.Objects;

/** Some quantity of one item. A non-stackable item in a quantity above one spans that many slots. */
public record ItemStack(String itemId, int quantity) {
    public static final int MAX_QUANTITY = 1_000_000_000;

    public ItemStack {
        Objects.requireNonNull(itemId, "itemId");
        if (itemId.isBlank()) {
            throw new IllegalArgumentException("itemId must not be blank");
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity of " + itemId + " must be 1 to " + MAX_QUANTITY + " (was " + quantity + ")");
        }
    }

    public ItemStack withQuantity(int value) {
        return new ItemStack(itemId, value);
    }

    @Override
    public String toString() {
        return quantity == 1 ? itemId : quantity + " x " + itemId;
    }
}
