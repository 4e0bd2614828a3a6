package dev.statecraft.examples.world;

import java.util.Map;
import java.util.TreeMap;

/**
 * Experience per skill; an untrained skill is absent and has 0 XP. A level is derived, never stored:
 * level L needs {@code 25 * (L - 1)^2} XP, so level 2 comes at 25 XP, level 10 at 2,025 and the top
 * level {@value #MAX_LEVEL} at 240,100. XP stops growing at {@value #MAX_XP}.
 */
public record Skills(Map<Skill, Integer> xp) {
    public static final int MAX_LEVEL = 99;
    public static final int MAX_XP = 1_000_000;

    public Skills {
        xp = SortedCopy.of(xp);
        for (Map.Entry<Skill, Integer> skill : xp.entrySet()) {
            if (skill.getValue() < 0 || skill.getValue() > MAX_XP) {
                throw new IllegalArgumentException("XP of " + skill.getKey() + " must be 0 to " + MAX_XP + " (was " + skill.getValue() + ")");
            }
        }
    }

    public static Skills untrained() {
        return new Skills(Map.of());
    }

    public static int levelFor(int xp) {
        return Math.min(MAX_LEVEL, 1 + (int) Math.floor(Math.sqrt(xp / 25.0)));
    }

    public int xpOf(Skill skill) {
        return xp.getOrDefault(skill, 0);
    }

    public int level(Skill skill) {
        return levelFor(xpOf(skill));
    }

    /** The rounded-down mean of the four combat skills' levels. */
    public int combatLevel() {
        return (level(Skill.ATTACK) + level(Skill.STRENGTH) + level(Skill.DEFENCE) + level(Skill.HITPOINTS)) / 4;
    }

    /** 100 HP at HITPOINTS level 1, ten more per level. */
    public int maxHp() {
        return 90 + 10 * level(Skill.HITPOINTS);
    }

    /** These skills with {@code gained} XP added to {@code skill}, capped at {@value #MAX_XP}. */
    public Skills plus(Skill skill, int gained) {
        TreeMap<Skill, Integer> next = new TreeMap<>(xp);
        next.put(skill, (int) Math.min(MAX_XP, (long) xpOf(skill) + gained));
        return new Skills(next);
    }
}
