-- Appends reach the events and commands tables through an append-only journal (decision record 0011): a batch's rows
-- share its last pages, where rows keyed by game put each append on its own game's pages. Opening the store moves
-- whatever a stopped process left here.

CREATE TABLE event_journal (
    seq            INTEGER NOT NULL PRIMARY KEY,
    game_id        TEXT    NOT NULL,
    version        INTEGER NOT NULL,
    type           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL,
    payload        BLOB    NOT NULL,
    recorded_at    INTEGER NOT NULL,
    command_id     TEXT    NOT NULL
);

-- The journal replaces the command backlog of decision record 0009: the records its marks still owed are written here,
-- from the events, before it goes.
INSERT OR IGNORE INTO commands (game_id, command_id, first_version, last_version)
    SELECT e.game_id, e.command_id, MIN(e.version), MAX(e.version)
    FROM events e JOIN command_backlog b ON b.game_id = e.game_id
    WHERE e.version >= b.from_version
    GROUP BY e.game_id, e.command_id;

DROP TABLE command_backlog;
