package dev.statecraft.examples.world;

import dev.statecraft.examples.world.WorldCommand.Train;
import dev.statecraft.examples.world.WorldEvent.SkillTrained;
import dev.statecraft.rules.Context;
import dev.statecraft.rules.Decision;

/** Practising a skill: each session gains {@value #MIN_XP} to {@value #MAX_XP} XP, rolled by the engine's generator. */
final class TrainingDecisions {
    static final int MIN_XP = 10;
    static final int MAX_XP = 40;

    private TrainingDecisions() {
    }

    static Decision<WorldEvent> train(PlayerEntity player, Train command, Context ctx) {
        int xp = player.skills().xpOf(command.skill());
        if (xp >= Skills.MAX_XP) {
            return Refusals.invalidMove("player " + player.id() + " has the most XP there is in " + command.skill());
        }
        int rolled = ctx.random().nextInt(MIN_XP, MAX_XP + 1);
        return Decision.accept(new SkillTrained(player.id(), command.skill(), Math.min(rolled, Skills.MAX_XP - xp)));
    }
}
