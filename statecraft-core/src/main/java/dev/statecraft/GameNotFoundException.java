package dev.statecraft;

/** No active game has this id. */
public class GameNotFoundException extends StatecraftException {
    private final String gameId;

    public GameNotFoundException(String gameId) {
        super("game " + gameId + ": no such game");
        this.gameId = gameId;
    }

    public String gameId() {
        return gameId;
    }
}
