package dev.statecraft.examples.world;

import java.util.List;
import java.util.Objects;

/** A player in the zone. {@code maxHp} follows the HITPOINTS level; {@code hp} stays between 0 and it. */
public record PlayerEntity(String id, Position position, int hp, int maxHp, Inventory inventory, Equipment equipment, Skills skills) {

    public PlayerEntity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(skills, "skills");
        if (maxHp != skills.maxHp()) {
            throw new IllegalArgumentException("player " + id + ": maxHp must be " + skills.maxHp() + " at HITPOINTS level "
                    + skills.level(Skill.HITPOINTS) + " (was " + maxHp + ")");
        }
        if (hp < 0 || hp > maxHp) {
            throw new IllegalArgumentException("player " + id + ": hp must be 0 to " + maxHp + " (was " + hp + ")");
        }
    }

    /** A player just arrived: full HP, untrained, wearing nothing, carrying {@code items}. */
    public static PlayerEntity arriving(String id, Position at, List<ItemStack> items) {
        Skills skills = Skills.untrained();
        Inventory inventory = Inventory.empty().plusAll(items).orElseThrow(() -> new IllegalArgumentException(
                "player " + id + ": " + items + " do not fit into " + Inventory.SIZE + " inventory slots"));
        return new PlayerEntity(id, at, skills.maxHp(), skills.maxHp(), inventory, Equipment.none(), skills);
    }

    public PlayerEntity withPosition(Position value) {
        return new PlayerEntity(id, value, hp, maxHp, inventory, equipment, skills);
    }

    public PlayerEntity withHp(int value) {
        return new PlayerEntity(id, position, value, maxHp, inventory, equipment, skills);
    }

    public PlayerEntity withInventory(Inventory value) {
        return new PlayerEntity(id, position, hp, maxHp, value, equipment, skills);
    }

    public PlayerEntity withEquipment(Equipment value) {
        return new PlayerEntity(id, position, hp, maxHp, inventory, value, skills);
    }

    /** This player with {@code value} skills; HP rises with the maximum HP they bring. */
    public PlayerEntity withSkills(Skills value) {
        int gainedMaxHp = value.maxHp() - maxHp;
        return new PlayerEntity(id, position, hp + gainedMaxHp, value.maxHp(), inventory, equipment, value);
    }
}
