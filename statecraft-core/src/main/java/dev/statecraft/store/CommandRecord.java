package dev.statecraft.store;

/** The versions one command produced; recorded with its events so a retried command id is never applied twice. */
public record CommandRecord(String gameId, String commandId, long firstVersion, long lastVersion) {
}
