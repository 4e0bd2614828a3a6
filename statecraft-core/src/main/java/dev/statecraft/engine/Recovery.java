package dev.statecraft.engine;

/** How a game is rebuilt when it is loaded into memory. */
public enum Recovery {
    /** From its latest usable snapshot plus the events after it; from events alone if no snapshot is usable. */
    LATEST,
    /** From its events alone, ignoring snapshots (snapshots-only games have no events and always use their snapshot). */
    FROM_EVENTS
}
