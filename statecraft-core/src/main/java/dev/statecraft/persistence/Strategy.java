package dev.statecraft.persistence;

/** What a game type keeps in the store. */
public enum Strategy {
    /** Every event in the log; snapshots every N events and at phase changes speed up loading. */
    EVENTS,
    /** As {@link #EVENTS}, plus a snapshot of the latest state whenever the game is passivated, so a reload replays almost nothing. */
    HYBRID,
    /** No event log: only the latest state, saved as a snapshot; high-frequency changes coalesce. History queries are unavailable. */
    SNAPSHOTS_ONLY
}
