package dev.statecraft.engine;

import java.util.Optional;

/** The last few command outcomes of one game, newest overwriting oldest. Guarded by the game's lock. */
final class RecentResults {
    private final CommandResult[] ring;
    private final int[] hashes;
    private int next;

    RecentResults(int capacity) {
        this.ring = new CommandResult[capacity];
        this.hashes = new int[capacity];
    }

    Optional<CommandResult> find(String commandId) {
        int hash = commandId.hashCode();
        for (int i = 0; i < ring.length; i++) {
            CommandResult r = ring[i];
            if (r != null && hashes[i] == hash && r.commandId().equals(commandId)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    void add(CommandResult result) {
        ring[next] = result;
        hashes[next] = result.commandId().hashCode();
        next = (next + 1) % ring.length;
    }
}
