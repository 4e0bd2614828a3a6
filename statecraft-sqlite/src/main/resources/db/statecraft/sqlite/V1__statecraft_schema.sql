-- Instants are microseconds since the epoch (INTEGER); payloads are opaque BLOBs written by the engine.

CREATE TABLE games (
    game_id     TEXT    NOT NULL PRIMARY KEY,
    game_type   TEXT    NOT NULL,
    setup       TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE events (
    game_id        TEXT    NOT NULL,
    version        INTEGER NOT NULL,
    type           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL,
    payload        BLOB    NOT NULL,
    recorded_at    INTEGER NOT NULL,
    command_id     TEXT    NOT NULL,
    PRIMARY KEY (game_id, version)
) WITHOUT ROWID;

CREATE TABLE commands (
    game_id       TEXT    NOT NULL,
    command_id    TEXT    NOT NULL,
    first_version INTEGER NOT NULL,
    last_version  INTEGER NOT NULL,
    PRIMARY KEY (game_id, command_id)
) WITHOUT ROWID;

CREATE TABLE snapshots (
    game_id        TEXT    NOT NULL,
    version        INTEGER NOT NULL,
    schema_version INTEGER NOT NULL,
    payload        BLOB    NOT NULL,
    taken_at       INTEGER NOT NULL,
    PRIMARY KEY (game_id, version)
) WITHOUT ROWID;

CREATE TABLE archived_games (
    game_id              TEXT    NOT NULL PRIMARY KEY,
    game_type            TEXT    NOT NULL,
    setup                TEXT    NOT NULL,
    created_at           INTEGER NOT NULL,
    finished_at          INTEGER NOT NULL,
    outcome              TEXT    NOT NULL,
    final_version        INTEGER NOT NULL,
    event_count          INTEGER NOT NULL,
    state_schema_version INTEGER NOT NULL,
    final_state          BLOB    NOT NULL,
    replay_bundle        BLOB    NOT NULL
) WITHOUT ROWID;
