package dev.statecraft.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.DuplicateCommandException;
import dev.statecraft.store.NewEvent;
import dev.statecraft.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A game's command records as sorted runs in {@code command_runs} (decision record 0013): merged level by level, found
 * from any run and any row of it, checked when read, and migrated from {@code commands}.
 */
class CommandRunsTest {
    @TempDir
    Path folder;

    private Connection sql;
    private SqlSession session;

    @BeforeEach
    void openStore() throws SQLException {
        SqliteStore.open(file()).close();
        sql = new ConnectionFactory(file(), SqliteOptions.defaults()).openWriter();
        session = new SqlSession(sql);
    }

    @AfterEach
    void close() throws SQLException {
        session.close();
    }

    private Path file() {
        return folder.resolve("statecraft.db");
    }

    @Test
    void runs_merge_a_level_at_a_time_up_to_the_top_where_they_stay_and_every_record_is_found_in_whichever_run_holds_it() throws SQLException {
        int perMove = 3; // so that a run of the second level and up takes several rows of BLOCK_RECORDS
        int fullTop = CommandRuns.FANOUT * CommandRuns.FANOUT * CommandRuns.FANOUT;
        Map<String, CommandRecord> written = new HashMap<>();
        long version = 1;
        for (int move = 1; move <= 2 * fullTop + 9; move++) {
            List<CommandRecord> records = new ArrayList<>();
            for (int i = 0; i < perMove; i++, version++) {
                CommandRecord record = new CommandRecord("g", "c-" + move + "-" + i, version, version);
                records.add(record);
                written.put(record.commandId(), record);
            }
            CommandRuns.add(session, "g", records.getFirst().firstVersion(), records);
            Map<Integer, Integer> runs = runsByLevel(sql, "g");
            for (int level = 0; level < CommandRuns.TOP_LEVEL; level++) {
                assertThat(runs.getOrDefault(level, 0)).as("runs at level %d after move %d", level, move).isLessThan(CommandRuns.FANOUT);
            }
            if (move == CommandRuns.FANOUT) {
                assertThat(runs).as("the first 8 moves merged").isEqualTo(Map.of(1, 1));
            }
        }
        sql.commit();
        // 2 * 512 + 9 moves: two full top-level runs, one of level 1, one of level 0.
        assertThat(runsByLevel(sql, "g")).isEqualTo(Map.of(CommandRuns.TOP_LEVEL, 2, 1, 1, 0, 1));
        assertThat(count("SELECT COUNT(*) FROM command_runs WHERE level = " + CommandRuns.TOP_LEVEL))
                .as("rows of the two top runs").isEqualTo(2L * ceilDiv(fullTop * perMove, CommandRuns.BLOCK_RECORDS));
        for (CommandRecord record : written.values()) {
            if (!CommandRuns.find(session, "g", record.commandId()).equals(Optional.of(record))) {
                throw new AssertionError(record + " not found as written");
            }
        }
        assertThat(CommandRuns.find(session, "g", "c-0-0")).isEmpty();
        assertThat(CommandRuns.find(session, "g", "")).isEmpty();
        assertThat(CommandRuns.find(session, "g", "zzz")).as("greater than every id").isEmpty();
        assertThat(CommandRuns.find(session, "h", "c-1-0")).as("another game's").isEmpty();
        assertThat(StoredCommands.count(sql, "g")).as("each record once").isEqualTo(written.size());
    }

    @Test
    void random_ids_of_any_characters_are_found_with_their_versions_and_no_other_is() throws SQLException {
        long seed = Long.getLong("commandRuns.seed", System.nanoTime());
        System.out.println("[command runs] seed " + seed + " (re-run with -DcommandRuns.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        TreeMap<String, CommandRecord> written = new TreeMap<>();
        Map<String, Long> versions = new HashMap<>();
        for (int move = 0; move < 300; move++) {
            String gameId = "game-" + random.nextInt(3);
            long first = versions.getOrDefault(gameId, 0L) + 1;
            long version = first;
            List<CommandRecord> records = new ArrayList<>();
            for (int i = random.nextInt(1, 300); i > 0; i--) {
                String id = randomId(random);
                if (written.containsKey(gameId + "/" + id)) {
                    continue;
                }
                long last = version + random.nextInt(3);
                CommandRecord record = new CommandRecord(gameId, id, version, last);
                records.add(record);
                written.put(gameId + "/" + id, record);
                version = last + 1;
            }
            versions.put(gameId, version - 1);
            CommandRuns.add(session, gameId, first, records);
        }
        sql.commit();
        for (CommandRecord record : written.values()) {
            if (!CommandRuns.find(session, record.gameId(), record.commandId()).equals(Optional.of(record))) {
                throw new AssertionError("seed " + seed + ": " + record + " not found as written");
            }
        }
        for (int i = 0; i < 2_000; i++) {
            String gameId = "game-" + random.nextInt(3);
            String id = randomId(random);
            if (!written.containsKey(gameId + "/" + id) && CommandRuns.find(session, gameId, id).isPresent()) {
                throw new AssertionError("seed " + seed + ": " + id + " of " + gameId + " found, never written");
            }
        }
        assertThat(StoredCommands.read(sql)).as("seed %d: each record once", seed).hasSize(written.size());
    }

    /** An id of 0 to 12 characters, from ASCII, other scripts and beyond the Basic Multilingual Plane, where UTF-16 order and byte order differ. */
    private static String randomId(SplittableRandom random) {
        String[] alphabet = {"a", "b", "z", "0", "-", "é", "ß", "中", "\uFF21", "😀", "𝄞"};
        StringBuilder id = new StringBuilder();
        for (int i = random.nextInt(13); i > 0; i--) {
            id.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return id.toString();
    }

    @Test
    void an_id_recorded_twice_in_a_run_or_versions_a_row_could_not_hold_are_refused() {
        CommandRecord first = new CommandRecord("g", "twice", 1, 1);
        assertThatThrownBy(() -> CommandRuns.add(session, "g", 1, List.of(first, new CommandRecord("g", "twice", 2, 2))))
                .isInstanceOf(StoreException.class).hasMessage("game g: command id twice is recorded twice, for versions 1 and 2");
        assertThatThrownBy(() -> CommandRuns.add(session, "g", 1, List.of(new CommandRecord("g", "back", 3, 2))))
                .isInstanceOf(StoreException.class).hasMessage("game g: command id back has versions 3 to 2");
    }

    @Test
    void a_merge_that_meets_a_damaged_row_or_an_id_recorded_twice_is_undone_alone_and_its_runs_stay_as_they_are() throws SQLException {
        for (int move = 1; move < CommandRuns.FANOUT; move++) {
            CommandRuns.add(session, "g", move, List.of(new CommandRecord("g", "c-" + move, move, move)));
        }
        CommandRuns.add(session, "h", 1, List.of(new CommandRecord("h", "twice", 1, 1)));
        for (int move = 2; move < CommandRuns.FANOUT; move++) {
            CommandRuns.add(session, "h", move, List.of(new CommandRecord("h", "c-" + move, move, move)));
        }
        sql.commit();
        try (PreparedStatement damage = sql.prepareStatement("UPDATE command_runs SET records = ? WHERE game_id = 'g' AND first_version = 3")) {
            byte[] flipped = CommandBlock.encode(List.of(CommandBlock.Entry.of(new CommandRecord("g", "c-3", 3, 3))));
            flipped[8] ^= 1;
            damage.setBytes(1, flipped);
            damage.executeUpdate();
        }
        sql.commit();

        int fanout = CommandRuns.FANOUT;
        CommandRuns.add(session, "g", fanout, List.of(new CommandRecord("g", "c-" + fanout, fanout, fanout)));
        CommandRuns.add(session, "h", fanout, List.of(new CommandRecord("h", "twice", fanout, fanout)));
        CommandRuns.add(session, "g", fanout + 1, List.of(new CommandRecord("g", "c-" + (fanout + 1), fanout + 1, fanout + 1)));
        sql.commit();

        assertThat(runsByLevel(sql, "g")).as("the merge undone, and not tried again past FANOUT runs").isEqualTo(Map.of(0, fanout + 1));
        assertThat(runsByLevel(sql, "h")).isEqualTo(Map.of(0, fanout));
        assertThat(CommandRuns.find(session, "g", "c-5")).contains(new CommandRecord("g", "c-5", 5, 5));
        assertThat(CommandRuns.find(session, "g", "c-" + (fanout + 1))).isPresent();
        assertThatThrownBy(() -> CommandRuns.find(session, "g", "c-3")).isInstanceOf(StoreException.class)
                .hasMessageContaining("command_runs row of game g at level 0 from version 3");
        assertThat(CommandRuns.find(session, "h", "twice")).isPresent();
    }

    @Test
    void a_reader_paging_through_the_table_while_runs_merge_meets_every_record_stored_when_it_began() throws SQLException {
        List<String> stored = new ArrayList<>();
        for (String gameId : List.of("a", "b")) {
            for (int move = 1; move < CommandRuns.FANOUT; move++) {
                CommandRuns.add(session, gameId, move, List.of(new CommandRecord(gameId, "c-" + move, move, move)));
                stored.add(gameId + "/c-" + move);
            }
        }
        sql.commit();
        try (Connection reader = new ConnectionFactory(file(), SqliteOptions.defaults()).openReadOnly()) {
            List<String> read = new ArrayList<>();
            CommandRuns.Page page = CommandRuns.readPage(reader, null, 3); // a's runs of versions 1 to 3
            page.ids().forEach(id -> read.add(id[0] + "/" + id[1]));
            for (String gameId : List.of("a", "b")) { // both merge: a's records move past the page, b's ahead of it
                int move = CommandRuns.FANOUT;
                CommandRuns.add(session, gameId, move, List.of(new CommandRecord(gameId, "c-" + move, move, move)));
            }
            sql.commit();
            assertThat(runsByLevel(sql, "a")).isEqualTo(Map.of(1, 1));
            while (page.rows() == 3) {
                page = CommandRuns.readPage(reader, page.last(), 3);
                page.ids().forEach(id -> read.add(id[0] + "/" + id[1]));
            }
            assertThat(read).containsAll(stored);
        }
    }

    @Test
    void a_damaged_row_fails_the_lookup_naming_it_and_never_answers_wrong() throws SQLException {
        List<CommandRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(new CommandRecord("g", "c-" + i, i + 1, i + 1));
        }
        CommandRuns.add(session, "g", 1, records);
        sql.commit();
        String row = "command_runs row of game g at level 0 from version 1 up to command id c-9";

        byte[] block = bytes("SELECT records FROM command_runs WHERE game_id = 'g'");
        byte[] flipped = block.clone();
        flipped[10] ^= 1;
        setRecords(flipped);
        assertThatThrownBy(() -> CommandRuns.find(session, "g", "c-3")).isInstanceOf(StoreException.class)
                .hasMessage(row + ": checksum mismatch, cut short or damaged");
        assertThatThrownBy(() -> StoredCommands.read(sql)).isInstanceOf(StoreException.class);

        byte[] fewer = CommandBlock.encode(CommandBlock.sorted("g", records.subList(0, 9).stream().map(CommandBlock.Entry::of).toList()));
        setRecords(fewer); // well formed, but ends at c-8 where its key says c-9
        assertThatThrownBy(() -> CommandRuns.find(session, "g", "c-3")).isInstanceOf(StoreException.class)
                .hasMessage(row + ": its greatest command id is c-8, not the one its key names");

        setRecords(block);
        assertThat(CommandRuns.find(session, "g", "c-3")).contains(records.get(3));
    }

    @Test
    void the_store_refuses_a_retried_id_held_only_in_a_merged_run() throws SQLException {
        session.close();
        try (SqliteStore store = SqliteStore.open(file())) {
            int appends = EventJournal.PER_GAME * CommandRuns.FANOUT + 1; // eight moves: merged to level 1
            for (int i = 0; i < appends; i++) {
                store.events().append(request("g", i, "c-" + i));
            }
        }
        try (Connection check = new ConnectionFactory(file(), SqliteOptions.defaults()).openReadOnly()) {
            assertThat(runsByLevel(check, "g")).isEqualTo(Map.of(1, 1, 0, 1)); // the last append moved when the store closed
        }
        try (SqliteStore store = SqliteStore.open(file())) {
            assertThatThrownBy(() -> store.events().append(request("g", store.events().lastVersion("g"), "c-5")))
                    .isInstanceOf(DuplicateCommandException.class);
            assertThat(store.events().findCommand("g", "c-5")).contains(new CommandRecord("g", "c-5", 6, 6));
        }
        sql = new ConnectionFactory(file(), SqliteOptions.defaults()).openWriter();
        session = new SqlSession(sql);
    }

    @Test
    void a_store_of_schema_5_has_its_command_records_put_in_top_level_runs_when_it_is_migrated() throws SQLException {
        Path older = folder.resolve("older.db");
        OlderSchema.migrate(older, "5");
        int big = CommandRunsMigration.RUN_RECORDS + 5;
        try (Connection schema5 = DriverManager.getConnection("jdbc:sqlite:" + older);
                PreparedStatement insert = schema5.prepareStatement("INSERT INTO commands (game_id, command_id, first_version, last_version) VALUES (?, ?, ?, ?)")) {
            schema5.setAutoCommit(false);
            for (int i = 0; i < big; i++) {
                insertCommand(insert, "big", "c-" + i, i + 1, i + 1);
            }
            insertCommand(insert, "g", "é", 1, 3);
            insertCommand(insert, "g", "a", 4, 4);
            schema5.commit();
        }

        try (SqliteStore store = SqliteStore.open(older)) {
            assertThat(store.events().findCommand("g", "é")).contains(new CommandRecord("g", "é", 1, 3));
            assertThat(store.events().findCommand("big", "c-0")).contains(new CommandRecord("big", "c-0", 1, 1));
            assertThat(store.events().findCommand("big", "c-" + (big - 1))).contains(new CommandRecord("big", "c-" + (big - 1), big, big));
            assertThat(store.events().findCommand("big", "c-" + big)).isEmpty();
            // big has no events to go with its records here; the writer refuses a retried id before it looks at versions
            assertThatThrownBy(() -> store.events().append(request("big", 0, "c-17"))).isInstanceOf(DuplicateCommandException.class);
        }
        try (Connection migrated = DriverManager.getConnection("jdbc:sqlite:" + older); Statement s = migrated.createStatement();
                ResultSet oldTable = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE name = 'commands'")) {
            assertThat(runsByLevel(migrated, "big")).as("one run of RUN_RECORDS, one of the rest").isEqualTo(Map.of(CommandRunsMigration.RUN_LEVEL, 2));
            assertThat(runsByLevel(migrated, "g")).isEqualTo(Map.of(CommandRunsMigration.RUN_LEVEL, 1));
            assertThat(StoredCommands.count(migrated, null)).isEqualTo(big + 2);
            assertThat(oldTable.getLong(1)).as("the old table").isZero();
        }
    }

    @Test
    void a_store_of_schema_5_with_a_record_no_run_can_hold_is_refused_naming_it_and_left_as_it_was() throws SQLException {
        Path older = folder.resolve("older.db");
        OlderSchema.migrate(older, "5");
        try (Connection schema5 = DriverManager.getConnection("jdbc:sqlite:" + older);
                PreparedStatement insert = schema5.prepareStatement("INSERT INTO commands (game_id, command_id, first_version, last_version) VALUES (?, ?, ?, ?)")) {
            insertCommand(insert, "g", "fine", 1, 1);
            insertCommand(insert, "g", "backwards", 3, 2);
        }

        assertThatThrownBy(() -> SqliteStore.open(older)).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot migrate the schema of SQLite store " + older.toAbsolutePath())
                .hasMessageContaining("game g: command id backwards has versions 3 to 2");
        try (Connection schema5 = DriverManager.getConnection("jdbc:sqlite:" + older); Statement s = schema5.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM commands")) {
            assertThat(rs.getLong(1)).as("the old table, as it was").isEqualTo(2);
        }
    }

    private static AppendRequest request(String gameId, long expectedVersion, String commandId) {
        return new AppendRequest(gameId, expectedVersion, commandId, Instant.ofEpochSecond(expectedVersion), List.of(new NewEvent("Tick", 1, "{}".getBytes())));
    }

    private static void insertCommand(PreparedStatement insert, String gameId, String commandId, long first, long last) throws SQLException {
        insert.setString(1, gameId);
        insert.setString(2, commandId);
        insert.setLong(3, first);
        insert.setLong(4, last);
        insert.executeUpdate();
    }

    private static Map<Integer, Integer> runsByLevel(Connection sql, String gameId) throws SQLException {
        Map<Integer, Integer> runs = new HashMap<>();
        try (PreparedStatement select = sql.prepareStatement(
                "SELECT level, COUNT(DISTINCT first_version) FROM command_runs WHERE game_id = ? GROUP BY level")) {
            select.setString(1, gameId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    runs.put(rs.getInt(1), rs.getInt(2));
                }
            }
        }
        return runs;
    }

    private void setRecords(byte[] records) throws SQLException {
        try (PreparedStatement update = sql.prepareStatement("UPDATE command_runs SET records = ? WHERE game_id = 'g'")) {
            update.setBytes(1, records);
            update.executeUpdate();
        }
        sql.commit();
    }

    private byte[] bytes(String query) throws SQLException {
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getBytes(1);
        }
    }

    private long count(String query) throws SQLException {
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
