package dev.statecraft.examples.world;

/** What a player can train. The first four make up the combat level; HITPOINTS also raises maximum HP. */
public enum Skill {
    ATTACK, STRENGTH, DEFENCE, HITPOINTS, MINING, FISHING, WOODCUTTING
}
