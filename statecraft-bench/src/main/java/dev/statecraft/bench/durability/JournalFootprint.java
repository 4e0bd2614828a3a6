package dev.statecraft.bench.durability;

import dev.statecraft.bench.HeapGauge;
import dev.statecraft.sqlite.SqliteStore;
import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.NewEvent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Heap held by the SQLite store for each append that waits in its event journal (decision record 0011): committed,
 * not yet moved to the game's tables, so held in memory too until its game has {@code PER_GAME} (64) events waiting
 * and its turn to move comes, or it is archived. A card match rarely reaches 64 events, so the server holds a match's
 * whole history this way, and every young collection copies what is still young of it.
 *
 * <p>Appends one event per command to each of N games, {@value #FEW} per game and then up to {@value #MANY}, both
 * below 64 so that nothing moves, and reads the live heap at each point ({@link HeapGauge}): the difference divided by
 * the appends between them is what one waiting append holds, the per-game costs (the game's versions, its entry in
 * the journal's maps) falling out. After each point it checks that the {@code events} table is still empty, that is,
 * that nothing moved (a game also moves once its oldest append is 131,072 events behind the newest, so
 * {@code --games} must stay below about 3,200). For comparison, in the same run: what the append itself takes in a
 * journal row.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.statecraft.bench.durability.JournalFootprint [--games 2000]
 * [--data folder] [--keep]}.
 */
public final class JournalFootprint {
    static final int FEW = 8;
    static final int MANY = 40;
    /** A card event as the example game writes it: a seat and a card, in JSON. */
    private static final byte[] PAYLOAD = "{\"seat\":\"p2\",\"card\":{\"suit\":\"HEARTS\",\"rank\":7},\"handSize\":4}".getBytes(StandardCharsets.UTF_8);
    private static final String TYPE = "CardPlayed";
    private static final String GAMES = "--games";

    private JournalFootprint() {
    }

    public static void main(String[] args) throws Exception {
        DriverArgs options = DriverArgs.parse(args, Set.of(GAMES));
        int games = options.integer(GAMES, 2_000);
        HeapGauge gauge = new HeapGauge();
        try (ScratchFolder folder = ScratchFolder.create(options.dataParent(), "journal-footprint", options.keepData());
                SqliteStore store = SqliteStore.open(folder.storeFile())) {
            List<String> gameIds = new ArrayList<>();
            for (int g = 0; g < games; g++) {
                gameIds.add(String.format(Locale.ROOT, "match-%06d", g));
            }
            appendUpTo(store, gameIds, 0, FEW);
            requireNothingMoved(folder);
            long few = gauge.liveBytes();
            appendUpTo(store, gameIds, FEW, MANY);
            requireNothingMoved(folder);
            long many = gauge.liveBytes();
            long appends = (long) games * (MANY - FEW);
            double perAppend = (double) (many - few) / appends;
            int rowBytes = rowBytes(gameIds.getFirst(), UUID.randomUUID().toString());
            System.out.printf(Locale.ROOT, "| games | waiting appends per game | live heap (MiB) | heap per waiting append (B) | bytes of an append in a journal row (B) |%n");
            System.out.printf(Locale.ROOT, "| ---: | ---: | ---: | ---: | ---: |%n");
            System.out.printf(Locale.ROOT, "| %,d | %d then %d | %.1f then %.1f | %.0f | %d |%n", games, FEW, MANY, few / 1048576.0, many / 1048576.0, perAppend, rowBytes);
            if (gauge.unsettledReadings() > 0) {
                System.out.printf(Locale.ROOT, "%d heap readings did not settle (see the log)%n", gauge.unsettledReadings());
            }
        }
    }

    /** Versions {@code from + 1} to {@code to} of every game, one event a command, the games' commands of each version at once. */
    private static void appendUpTo(SqliteStore store, List<String> gameIds, int from, int to) {
        for (int version = from; version < to; version++) {
            List<CompletableFuture<Long>> pending = new ArrayList<>(gameIds.size());
            for (String gameId : gameIds) {
                AppendRequest request = new AppendRequest(gameId, version, UUID.randomUUID().toString(), Instant.now(), List.of(new NewEvent(TYPE, 1, PAYLOAD)));
                pending.add(store.events().appendAsync(request));
            }
            pending.forEach(CompletableFuture::join);
        }
    }

    /** An append's bytes in a row (JournalRow's format): game id, command id, instant, first version, count; per event its type, schema version, payload. */
    private static int rowBytes(String gameId, String commandId) {
        int ids = Integer.BYTES + utf8Length(gameId) + Integer.BYTES + utf8Length(commandId) + 2 * Long.BYTES + Integer.BYTES;
        return ids + Integer.BYTES + utf8Length(TYPE) + Integer.BYTES + Integer.BYTES + PAYLOAD.length;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Fails if any event reached the {@code event_chunks} table: the heap readings would then miss what moved. */
    private static void requireNothingMoved(ScratchFolder folder) throws SQLException {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + folder.storeFile());
                Statement statement = sql.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM event_chunks")) {
            rs.next();
            if (rs.getLong(1) != 0) {
                throw new IllegalStateException(rs.getLong(1) + " rows of events moved to the event_chunks table; run with fewer games (--games)");
            }
        }
    }
}
