-- A batch's appends share one journal row, one statement, where they had a row per event (decision record 0011,
-- "One journal row a batch"). What a stopped process left in the old journal is moved to the tables first, as opening the store
-- would have moved it, except what belongs to archived games.

INSERT OR IGNORE INTO events (game_id, version, type, schema_version, payload, recorded_at, command_id)
    SELECT game_id, version, type, schema_version, payload, recorded_at, command_id
    FROM event_journal WHERE game_id NOT IN (SELECT game_id FROM archived_games) ORDER BY seq;

INSERT OR IGNORE INTO commands (game_id, command_id, first_version, last_version)
    SELECT game_id, command_id, MIN(version), MAX(version)
    FROM event_journal WHERE game_id NOT IN (SELECT game_id FROM archived_games)
    GROUP BY game_id, command_id;

DROP TABLE event_journal;

-- appends: the bytes of JournalRow, each append's command record and events. seq: one more than the events journaled
-- before the row since the store opened, so that the distance between two rows is at least the events between them.
CREATE TABLE event_journal (
    seq     INTEGER NOT NULL PRIMARY KEY,
    appends BLOB    NOT NULL
);
