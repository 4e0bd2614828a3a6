package dev.statecraft.sqlite;

import dev.statecraft.store.StoreException;
import dev.statecraft.store.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** For tests outside this package that read a store's file with their own connection: every stored event, as its rows hold it. */
public final class StoredChunks {
    private StoredChunks() {
    }

    /**
     * Every event of {@code event_chunks}, by game and version; a row whose events are not the versions its columns name, of its
     * game, fails.
     */
    public static List<StoredEvent> read(Connection sql) throws SQLException {
        List<StoredEvent> all = new ArrayList<>();
        try (PreparedStatement select = sql.prepareStatement(
                "SELECT game_id, first_version, last_version, appends FROM event_chunks ORDER BY game_id, first_version");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String gameId = rs.getString(1);
                long first = rs.getLong(2);
                String name = "event_chunks row of game " + gameId + " from version " + first;
                List<StoredEvent> events = JournalRow.events(name, rs.getBytes(4));
                for (int i = 0; i < events.size(); i++) {
                    if (!events.get(i).gameId().equals(gameId) || events.get(i).version() != first + i) {
                        throw new StoreException(name + ": holds version " + events.get(i).version() + " of game " + events.get(i).gameId() + " at " + i);
                    }
                }
                if (events.getLast().version() != rs.getLong(3)) {
                    throw new StoreException(name + ": ends at " + events.getLast().version() + ", not at " + rs.getLong(3));
                }
                all.addAll(events);
            }
        }
        return all;
    }
}
