package dev.statecraft.store;

/** An append carried a command id the game already recorded; nothing was written. */
public class DuplicateCommandException extends StoreException {
    private final CommandRecord original;

    public DuplicateCommandException(CommandRecord original) {
        super("game " + original.gameId() + ": command " + original.commandId() + " was already recorded as versions "
                + original.firstVersion() + ".." + original.lastVersion());
        this.original = original;
    }

    public CommandRecord original() {
        return original;
    }
}
