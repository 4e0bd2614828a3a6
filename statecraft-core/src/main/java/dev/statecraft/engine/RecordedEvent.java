package dev.statecraft.engine;

import java.time.Instant;

/** One event of a game's history, decoded: which version it made, when, and for which command. */
public record RecordedEvent(String gameId, long version, Instant recordedAt, String commandId, Object event) {
}
