package dev.statecraft.engine;

import dev.statecraft.StatecraftException;

/** A resume asked for more missed versions than a subscriber may have queued; subscribe afresh instead. */
public class ResumeTooFarBehindException extends StatecraftException {
    private final String gameId;
    private final long lastSeenVersion;
    private final long currentVersion;

    public ResumeTooFarBehindException(String gameId, long lastSeenVersion, long currentVersion, int limit) {
        super("game " + gameId + ": resuming after version " + lastSeenVersion + " means " + (currentVersion - lastSeenVersion)
                + " versions to catch up, more than the " + limit + " a subscriber may have queued; subscribe afresh for the view now");
        this.gameId = gameId;
        this.lastSeenVersion = lastSeenVersion;
        this.currentVersion = currentVersion;
    }

    public String gameId() {
        return gameId;
    }

    public long lastSeenVersion() {
        return lastSeenVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
