-- Command records reach the commands table in bulk, after their events (decision record 0009). A game whose newest
-- command records are not there yet has a row here naming the first version they cover; opening the store writes the
-- records of that game's events from that version on, so that a crash before the bulk write loses none.

CREATE TABLE command_backlog (
    game_id      TEXT    NOT NULL PRIMARY KEY,
    from_version INTEGER NOT NULL
) WITHOUT ROWID;
