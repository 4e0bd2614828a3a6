package dev.statecraft.examples.world;

import dev.statecraft.rules.Decision;
import dev.statecraft.rules.ReasonCode;

/** The rejections of the world's rules, each with the shared reason code it belongs to. */
final class Refusals {
    private Refusals() {
    }

    static Decision<WorldEvent> invalidMove(String message) {
        return Decision.reject(ReasonCode.INVALID_MOVE, message);
    }

    static Decision<WorldEvent> wrongSeat(String message) {
        return Decision.reject(ReasonCode.WRONG_SEAT, message);
    }

    static Decision<WorldEvent> unknownPlayer(String playerId) {
        return Decision.reject(ReasonCode.UNKNOWN_PLAYER, "player " + playerId + " is not in this zone");
    }
}
