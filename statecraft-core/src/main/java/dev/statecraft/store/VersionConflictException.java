package dev.statecraft.store;

/** An append expected the game at one version but found it at another; nothing was written. */
public class VersionConflictException extends StoreException {
    private final String gameId;
    private final long expected;
    private final long actual;

    public VersionConflictException(String gameId, long expected, long actual) {
        super("game " + gameId + ": expected version " + expected + " but was " + actual);
        this.gameId = gameId;
        this.expected = expected;
        this.actual = actual;
    }

    public String gameId() {
        return gameId;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
