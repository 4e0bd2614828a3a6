package dev.statecraft.sqlite.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.testkit.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real engine process with SIGKILL at random moments and checks what the store kept.
 *
 * <p>Each cycle starts a {@link CrashChild} JVM on the same database file (so every recovery runs on a
 * file that already survived earlier kills), lets it play random matches for 100 to 1500 ms after it is
 * ready, kills it, reopens the store and checks it: {@link StoreAudit} for what must hold of every game
 * (gapless versions, no half-applied command, no command twice, recovered state equal to a replay of the
 * log) and {@link AckLedger} for what must hold of every acknowledged command (durable: none lost and
 * none applied twice; buffered: only the newest tail of a game, acknowledged at most T + slack before
 * the kill).
 *
 * <p>{@code -Dstatecraft.crash.cycles=N} sets the cycles per policy (20 by default; {@code bin/crash-soak}
 * runs 1000). A run moves to a fresh database file every {@code statecraft.crash.cyclesPerFile} cycles (50),
 * so a long soak keeps each cycle's full audit as fast as the first ones.
 */
class CrashRecoveryTest {
    static final int CYCLES = Integer.getInteger("statecraft.crash.cycles", 20);
    static final int CYCLES_PER_FILE = Integer.getInteger("statecraft.crash.cyclesPerFile", 50);
    /**
     * What the buffered loss window may exceed T by: the flusher's 5 ms tick, the group commit and its
     * sync, and the scheduling of a JVM sharing two cores with the test; measured worst cases stay far below.
     */
    static final long SLACK_MILLIS = 400;
    static final long MIN_RUN_MILLIS = 100;
    static final long MAX_RUN_MILLIS = 1_500;
    private static final Duration READY_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    @Test
    void durable_commands_acknowledged_before_a_kill_are_all_recovered_once_each() throws Exception {
        soak(CrashGame.DURABLE);
    }

    @Test
    void buffered_commands_lost_to_a_kill_are_only_the_newest_tail_of_the_flush_window() throws Exception {
        soak(CrashGame.BUFFERED);
    }

    private void soak(CrashGame game) throws Exception {
        String name = game.name().toLowerCase(Locale.ROOT);
        long seed = Seeds.seed("CrashRecoveryTest " + name);
        SplittableRandom random = new SplittableRandom(seed);
        long lossWindow = game == CrashGame.DURABLE ? 0 : CrashGame.FLUSH_EVERY_MILLIS + SLACK_MILLIS;
        AckLedger ledger = new AckLedger(game, lossWindow);
        Path childTmp = folder.resolve(name + "-tmp");
        Path stderr = folder.resolve(name + "-child.err");
        long started = System.nanoTime();
        long acknowledged = 0;
        long loadsFromSnapshot = 0;
        Path database = null;
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            if ((cycle - 1) % CYCLES_PER_FILE == 0) {
                if (database != null) {
                    deleteDatabase(database);
                }
                database = folder.resolve(name + "-" + (cycle - 1) / CYCLES_PER_FILE + ".db");
                ledger.reset();
            }
            long cycleStarted = System.nanoTime();
            long childSeed = random.nextLong();
            long runMillis = MIN_RUN_MILLIS + random.nextLong(MAX_RUN_MILLIS - MIN_RUN_MILLIS + 1);
            String where = name + " cycle " + cycle + "/" + CYCLES + " (test seed " + seed + ", child seed " + childSeed + ")";

            List<String> lines;
            long killedAt;
            long readyMillis;
            try (ChildProcess child = ChildProcess.start(database, game, childSeed, childTmp, stderr)) {
                assertThat(child.awaitReady(READY_LIMIT)).as("%s: the child must report READY within %s; its standard error:%n%s",
                        where, READY_LIMIT, child.stderrTail()).isTrue();
                readyMillis = (System.nanoTime() - cycleStarted) / 1_000_000;
                Thread.sleep(runMillis);
                killedAt = System.currentTimeMillis();
                int exit = child.kill();
                assertThat(exit).as("%s: the child must have been running until SIGKILL ended it; its standard error:%n%s",
                        where, child.stderrTail()).isEqualTo(ChildProcess.KILLED_EXIT_CODE);
                lines = child.lines();
            }
            emptyFolder(childTmp);

            List<String> violations = lines.stream().filter(l -> l.startsWith(CrashReport.VIOLATION)).toList();
            assertThat(violations).as("%s: what the child saw the engine do wrong", where).isEmpty();
            List<Ack> acks = lines.stream().filter(Ack::isAck).map(Ack::parse).toList();

            long auditStarted = System.nanoTime();
            StoreAudit.Result audit = StoreAudit.audit(database, game);
            assertThat(audit.problems()).as("%s: the store after the kill", where).isEmpty();
            AckLedger.CycleCheck check = ledger.check(acks, killedAt, audit);
            assertThat(check.problems()).as("%s: acknowledged commands against the store after the kill", where).isEmpty();
            long auditMillis = (System.nanoTime() - auditStarted) / 1_000_000;

            acknowledged += check.acknowledged();
            loadsFromSnapshot += audit.loadsFromSnapshot();
            System.out.printf("[crash] %s: ready after %d ms, killed after %d ms more; %d commands acknowledged, %d lost (newest %s); "
                            + "store: %d games, %d events, %d snapshots, %d commands kept from earlier kills; audit %d ms, cycle %d ms%n",
                    where, readyMillis, runMillis, check.acknowledged(), check.lost(),
                    check.lost() == 0 ? "-" : check.worstLostLagMillis() + " ms before the kill",
                    audit.games().size(), audit.events(), audit.snapshots(), ledger.storedCount(), auditMillis,
                    (System.nanoTime() - cycleStarted) / 1_000_000);
        }
        System.out.printf("[crash] %s: %d cycles in %d s; %d commands acknowledged, %d lost, worst loss lag %s; %d games recovered from a snapshot%n",
                name, CYCLES, (System.nanoTime() - started) / 1_000_000_000, acknowledged, ledger.lostTotal(),
                ledger.worstLostLagMillis() < 0 ? "-" : ledger.worstLostLagMillis() + " ms (allowed " + lossWindow + " ms)", loadsFromSnapshot);
        assertThat(acknowledged).as("commands acknowledged over %d cycles: a run that acknowledged nothing proved nothing", CYCLES).isPositive();
        assertThat(loadsFromSnapshot).as("games the LATEST recovery started from a snapshot: snapshots must be exercised").isPositive();
    }

    private static void deleteDatabase(Path database) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(database.resolveSibling(database.getFileName() + suffix));
        }
    }

    /** A killed JVM leaves its unpacked native libraries behind; a soak of a thousand kills would fill the disk with them. */
    private static void emptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).filter(f -> !f.equals(folder)).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
