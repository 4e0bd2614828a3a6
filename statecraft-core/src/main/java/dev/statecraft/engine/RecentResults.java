package dev.statecraft.engine;

import java.util.Optional;

/** The last few command outcomes of one game, newest overwriting oldest. Guarded by the game's lock. */
final class RecentResults {
    private final CommandResult[] ring;
    private int next;

    RecentResults(int capacity) {
        this.ring = new CommandResult[capacity];
    }

    Optional<CommandResult> find(String commandId) {
        for (CommandResult r : ring) {
            if (r != null && r.commandId().equals(commandId)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    void add(CommandResult result) {
        ring[next] = result;
        next = (next + 1) % ring.length;
    }
}
