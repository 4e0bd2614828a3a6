package dev.statecraft.examples.world;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every item the world knows, fixed in code. */
public final class ItemCatalog {
    public static final String COINS = "coins";
    public static final String BRONZE_SWORD = "bronze-sword";
    public static final String IRON_SWORD = "iron-sword";
    public static final String WOODEN_SHIELD = "wooden-shield";
    public static final String LEATHER_CAP = "leather-cap";
    public static final String LEATHER_BODY = "leather-body";
    public static final String LEATHER_LEGS = "leather-legs";
    public static final String LEATHER_BOOTS = "leather-boots";
    public static final String GOLD_RING = "gold-ring";
    public static final String HEALTH_POTION = "health-potion";
    public static final String COOKED_SHRIMP = "cooked-shrimp";
    public static final String COPPER_ORE = "copper-ore";
    public static final String FEATHER = "feather";

    private static final SortedMap<String, Item> ITEMS = SortedCopy.of(List.of(
            new Item(COINS, "Coins", true, new Item.Material()),
            new Item(BRONZE_SWORD, "Bronze sword", false, new Item.Wearable(EquipmentSlot.WEAPON)),
            new Item(IRON_SWORD, "Iron sword", false, new Item.Wearable(EquipmentSlot.WEAPON)),
            new Item(WOODEN_SHIELD, "Wooden shield", false, new Item.Wearable(EquipmentSlot.SHIELD)),
            new Item(LEATHER_CAP, "Leather cap", false, new Item.Wearable(EquipmentSlot.HEAD)),
            new Item(LEATHER_BODY, "Leather body", false, new Item.Wearable(EquipmentSlot.BODY)),
            new Item(LEATHER_LEGS, "Leather legs", false, new Item.Wearable(EquipmentSlot.LEGS)),
            new Item(LEATHER_BOOTS, "Leather boots", false, new Item.Wearable(EquipmentSlot.FEET)),
            new Item(GOLD_RING, "Gold ring", false, new Item.Wearable(EquipmentSlot.RING)),
            new Item(HEALTH_POTION, "Health potion", false, new Item.Consumable(30)),
            new Item(COOKED_SHRIMP, "Cooked shrimp", true, new Item.Consumable(5)),
            new Item(COPPER_ORE, "Copper ore", false, new Item.Material()),
            new Item(FEATHER, "Feather", true, new Item.Material())
    ).stream().collect(Collectors.toMap(Item::id, Function.identity())));

    /** What a player carries on entering the world. */
    public static final List<ItemStack> STARTING_ITEMS = List.of(
            new ItemStack(BRONZE_SWORD, 1),
            new ItemStack(WOODEN_SHIELD, 1),
            new ItemStack(HEALTH_POTION, 1),
            new ItemStack(COINS, 25));

    private ItemCatalog() {
    }

    public static Optional<Item> find(String itemId) {
        return Optional.ofNullable(ITEMS.get(itemId));
    }

    /** The item {@code itemId}; for stacks already in a state, whose ids were checked when they entered it. */
    public static Item get(String itemId) {
        return find(itemId).orElseThrow(() -> new IllegalStateException("item " + itemId + " is not in the catalog (known: "
                + String.join(", ", ITEMS.keySet()) + ")"));
    }

    public static Map<String, Item> all() {
        return ITEMS;
    }
}
