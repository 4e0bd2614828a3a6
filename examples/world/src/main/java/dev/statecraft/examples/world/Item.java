package dev.statecraft.examples.world;

import java.util.Objects;

/** A kind of item of the catalog: what it is called, whether copies share one slot, and what it is for. */
public record Item(String id, String name, boolean stackable, Use use) {

    /** What a player can do with an item besides carrying, dropping and trading it. */
    public sealed interface Use {
    }

    /** Worn in {@code slot}. */
    public record Wearable(EquipmentSlot slot) implements Use {
        public Wearable {
            Objects.requireNonNull(slot, "slot");
        }
    }

    /** Eaten or drunk: restores up to {@code heal} HP and is used up. */
    public record Consumable(int heal) implements Use {
        public Consumable {
            if (heal < 1) {
                throw new IllegalArgumentException("heal must be > 0 (was " + heal + ")");
            }
        }
    }

    /** Carried, traded and sold only. */
    public record Material() implements Use {
    }

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(use, "use");
        if (stackable && use instanceof Wearable) {
            // Equipping swaps one worn item with one inventory slot; a stack there would have to be split.
            throw new IllegalArgumentException("item " + id + ": wearable items cannot be stackable");
        }
    }
}
