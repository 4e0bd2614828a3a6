package dev.statecraft.store;

/** A game with this id is already registered (or archived). */
public class GameAlreadyExistsException extends StoreException {
    private final String gameId;

    public GameAlreadyExistsException(String gameId) {
        super("game " + gameId + ": already exists");
        this.gameId = gameId;
    }

    public String gameId() {
        return gameId;
    }
}
