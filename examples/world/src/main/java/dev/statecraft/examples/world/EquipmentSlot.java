package dev.statecraft.examples.world;

/** Where a worn item sits on a player. */
public enum EquipmentSlot {
    HEAD, BODY, LEGS, FEET, HANDS, WEAPON, SHIELD, RING
}
