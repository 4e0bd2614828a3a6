package dev.statecraft.sqlite;

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

    /** Every event of {@code event_chunks}, by game and version, each row checked as the store's reads check it. */
    public static List<StoredEvent> read(Connection sql) throws SQLException {
        List<StoredEvent> all = new ArrayList<>();
        try (PreparedStatement select = sql.prepareStatement(
                "SELECT game_id, first_version, last_version, appends FROM event_chunks ORDER BY game_id, first_version");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                all.addAll(EventChunks.decode(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBytes(4)));
            }
        }
        return all;
    }
}
