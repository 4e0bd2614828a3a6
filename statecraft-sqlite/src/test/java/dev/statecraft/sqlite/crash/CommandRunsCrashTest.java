package dev.statecraft.sqlite.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.sqlite.SqliteStore;
import dev.statecraft.sqlite.StoredCommands;
import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.DuplicateCommandException;
import dev.statecraft.store.NewEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process appending to a few long games ({@link LongGamesChild}) with SIGKILL at random moments, again and
 * again on one file, so that kills land in the middle of moves out of the journal and of merges of command runs
 * (decision record 0013), and checks after each kill, with the store reopened: every acknowledged command id is found
 * by the store's own lookup with its version, and refused when sent again; and the runs hold each game's records once
 * each, tiling its versions from 1 to its last. The games grow across the cycles, so their runs reach higher levels
 * as the run goes on.
 *
 * <p>{@code -Dstatecraft.crash.cycles=N} sets the cycles (8 by default; {@code bin/crash-soak} passes its count), and the
 * run moves to a fresh file every {@code statecraft.crash.cyclesPerFile} cycles (50), by when its games hold some
 * hundred thousand events and their runs have reached the top level; {@code -Dstatecraft.seed} repeats the child seeds
 * and kill delays.
 */
class CommandRunsCrashTest {
    static final int CYCLES = Integer.getInteger("statecraft.crash.cycles", 8);
    static final int CYCLES_PER_FILE = Integer.getInteger("statecraft.crash.cyclesPerFile", 50);
    private static final int GAMES = 2;
    /** Earlier acknowledgements looked up again after each kill, besides all of the last cycle's. */
    private static final int EARLIER_SAMPLE = 1_000;
    private static final int RETRIES = 20;
    private static final Duration READY_LIMIT = Duration.ofSeconds(60);
    private static final Logger FLYWAY = CrashRecoveryTest.quiet(Logger.getLogger("org.flywaydb"));

    @TempDir
    Path folder;

    @Test
    void acknowledged_command_ids_survive_kills_in_the_middle_of_moves_and_merges() throws Exception {
        long seed = Long.getLong("statecraft.seed", System.nanoTime());
        System.out.println("[seed] CommandRunsCrashTest: " + seed + " (re-run with -Dstatecraft.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Map<String, Long>> acknowledged = new HashMap<>();
        int deepestLevel = -1;
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            Path database = folder.resolve("long-games-" + (cycle - 1) / CYCLES_PER_FILE + ".db");
            if ((cycle - 1) % CYCLES_PER_FILE == 0) {
                acknowledged.clear();
            }
            long childSeed = random.nextLong();
            long runMillis = 200 + random.nextLong(1_300);
            List<String[]> acks = runAndKill(database, childSeed, runMillis, cycle);
            for (String[] ack : acks) {
                acknowledged.computeIfAbsent(ack[0], game -> new LinkedHashMap<>()).put(ack[1], Long.parseLong(ack[2]));
            }
            List<String> problems = new ArrayList<>();
            long events = checkStore(database, acks, acknowledged, random, problems);
            int level = deepestLevel(database);
            deepestLevel = Math.max(deepestLevel, level);
            System.out.printf("[runs crash] cycle %d/%d (seed %d, child seed %d): killed %d ms after ready; %d appends acknowledged, %d on this file; "
                    + "store: %d events; deepest level of runs %d; %d problems%n", cycle, CYCLES, seed, childSeed, runMillis, acks.size(),
                    acknowledged.values().stream().mapToInt(Map::size).sum(), events, level, problems.size());
            assertThat(problems).as("seed %d, cycle %d", seed, cycle).isEmpty();
        }
        assertThat(deepestLevel).as("runs merged at least once (a game of 512 events or more)").isGreaterThanOrEqualTo(1);
    }

    /** Runs a child for {@code runMillis} after it is ready, kills it, and returns its acknowledgements: game, command id, version. */
    private List<String[]> runAndKill(Path database, long childSeed, long runMillis, int cycle) throws InterruptedException {
        Path stderr = folder.resolve("child-" + cycle + ".err");
        try (ChildProcess child = ChildProcess.start(LongGamesChild.class, List.of(database.toString(), Integer.toString(GAMES), Long.toString(childSeed)),
                folder.resolve("tmp"), stderr)) {
            assertThat(child.awaitReady(READY_LIMIT)).as("child ready; its standard error:%n%s", child.stderrTail()).isTrue();
            Thread.sleep(runMillis);
            assertThat(child.kill()).as("killed with SIGKILL; its standard error:%n%s", child.stderrTail()).isEqualTo(ChildProcess.KILLED_EXIT_CODE);
            List<String[]> acks = new ArrayList<>();
            for (String line : child.lines()) {
                if (line.startsWith(CrashReport.APPENDED)) {
                    acks.add(line.substring(CrashReport.APPENDED.length()).split(" "));
                }
            }
            return acks;
        }
    }

    /** Checks the store after a kill; adds what is wrong to {@code problems} and returns the events stored. */
    private static long checkStore(Path database, List<String[]> lastAcks, Map<String, Map<String, Long>> acknowledged, SplittableRandom random,
                                   List<String> problems) throws SQLException {
        long events = 0;
        try (SqliteStore store = SqliteStore.open(database)) {
            List<String[]> checked = new ArrayList<>(lastAcks);
            List<String[]> all = new ArrayList<>();
            acknowledged.forEach((game, ids) -> ids.forEach((id, version) -> all.add(new String[] {game, id, Long.toString(version)})));
            for (int i = 0; i < EARLIER_SAMPLE && !all.isEmpty(); i++) {
                checked.add(all.get(random.nextInt(all.size())));
            }
            for (String[] ack : checked) {
                long version = Long.parseLong(ack[2]);
                Optional<CommandRecord> found = store.events().findCommand(ack[0], ack[1]);
                if (!found.equals(Optional.of(new CommandRecord(ack[0], ack[1], version, version)))) {
                    problems.add("game " + ack[0] + ": command " + ack[1] + " was acknowledged as version " + version + ", the store's lookup finds " + found);
                }
            }
            for (int i = 0; i < RETRIES && !all.isEmpty(); i++) {
                String[] ack = all.get(random.nextInt(all.size()));
                long last = store.events().lastVersion(ack[0]);
                try {
                    store.events().append(new AppendRequest(ack[0], last, ack[1], Instant.now(), List.of(new NewEvent("Tick", 1, "{}".getBytes()))));
                    problems.add("game " + ack[0] + ": command " + ack[1] + ", acknowledged as version " + ack[2] + ", was appended again at " + (last + 1));
                } catch (DuplicateCommandException expected) {
                    // refused, as it must be
                }
            }
            for (String game : acknowledged.keySet()) {
                events += store.events().lastVersion(game);
            }
            checkRuns(database, store, acknowledged.keySet(), problems);
        }
        return events;
    }

    /** The records of each game, read from the rows: each id once, tiling versions 1 to the game's last. */
    private static void checkRuns(Path database, SqliteStore store, Set<String> games, List<String> problems) throws SQLException {
        Map<String, List<CommandRecord>> byGame = new HashMap<>();
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath())) {
            for (CommandRecord record : StoredCommands.read(sql)) {
                byGame.computeIfAbsent(record.gameId(), game -> new ArrayList<>()).add(record);
            }
        }
        for (String game : games) {
            List<CommandRecord> records = byGame.getOrDefault(game, List.of());
            records.sort(Comparator.comparingLong(CommandRecord::firstVersion));
            Set<String> ids = new HashSet<>();
            long next = 1;
            for (CommandRecord record : records) {
                if (!ids.add(record.commandId())) {
                    problems.add("game " + game + ": command " + record.commandId() + " is recorded twice");
                }
                if (record.firstVersion() != next || record.lastVersion() != record.firstVersion()) {
                    problems.add("game " + game + ": record " + record + " where version " + next + " was next");
                }
                next = record.lastVersion() + 1;
            }
            long last = store.events().lastVersion(game);
            if (next - 1 != last) {
                problems.add("game " + game + ": its records end at version " + (next - 1) + ", its events at " + last);
            }
        }
    }

    private static int deepestLevel(Path database) throws SQLException {
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath()); Statement s = sql.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(level), -1) FROM command_runs")) {
            return rs.getInt(1);
        }
    }
}
