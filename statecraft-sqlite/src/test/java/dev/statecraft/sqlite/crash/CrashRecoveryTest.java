package dev.statecraft.sqlite.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
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
 * so the audits of a long soak stay as fast as the first ones. Re-running with the printed
 * {@code -Dstatecraft.seed} repeats the child seeds and kill delays; where the kills land still varies.
 */
class CrashRecoveryTest {
    static final int CYCLES = Integer.getInteger("statecraft.crash.cycles", 20);
    static final int CYCLES_PER_FILE = Integer.getInteger("statecraft.crash.cyclesPerFile", 50);
    /**
     * What the buffered loss window may exceed T by ({@code -Dstatecraft.crash.slackMillis}, 400 by default): the
     * flusher's 5 ms tick, the flush that is under way (the next one starts only when it has committed), and
     * the scheduling of a child whose players keep two shared cores busy. A 300-cycle soak with both policies
     * running side by side measured p50 41 ms, p99 258 ms, worst 412 ms from acknowledgement to kill.
     */
    static final long SLACK_MILLIS = Long.getLong("statecraft.crash.slackMillis", 400);
    static final long MIN_RUN_MILLIS = 100;
    static final long MAX_RUN_MILLIS = 1_500;
    private static final Duration READY_LIMIT = Duration.ofSeconds(60);
    private static final List<String> DATABASE_FILES = List.of("", "-wal", "-shm");
    /** Each audit reopens the store, and Flyway reports every migration at INFO: a thousand cycles would bury the results. */
    private static final Logger FLYWAY = quiet(Logger.getLogger("org.flywaydb"));

    @TempDir
    Path folder;

    /**
     * The two policies' soaks run side by side, each on its own database file with its own children, and
     * report as two tests: most of a cycle is a child starting or playing, so on two cores the pair takes
     * little longer than one.
     */
    @TestFactory
    Stream<DynamicTest> a_killed_engine_recovers_what_its_write_policy_promised() {
        ExecutorService soaks = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("crash-soak-", 0).factory());
        Future<?> durable = soaks.submit(() -> soak(CrashGame.DURABLE));
        Future<?> buffered = soaks.submit(() -> soak(CrashGame.BUFFERED));
        soaks.shutdown();
        return Stream.of(
                dynamicTest("durable commands acknowledged before a kill are all recovered, once each", () -> await(durable)),
                dynamicTest("buffered commands lost to a kill are only the newest tail of the flush window", () -> await(buffered)));
    }

    /** What one child did between its start and its kill. */
    private record Killed(List<String> lines, long killedAtMillis, long readyMillis, long runMillis) {
    }

    /** The running totals of one policy's soak, kept by the audit thread. */
    private static final class Totals {
        long acknowledged;
        long loadsFromSnapshot;
    }

    private Void soak(CrashGame game) throws Exception {
        String name = game.name().toLowerCase(Locale.ROOT);
        long seed = Seeds.seed("CrashRecoveryTest " + name);
        SplittableRandom random = new SplittableRandom(seed);
        long lossWindow = game == CrashGame.DURABLE ? 0 : CrashGame.FLUSH_EVERY_MILLIS + SLACK_MILLIS;
        AckLedger ledger = new AckLedger(game, lossWindow);
        Totals totals = new Totals();
        Path auditCopy = folder.resolve(name + "-audit.db");
        long started = System.nanoTime();
        Path database = null;
        StoreAudit storeAudit = null;
        // A cycle's audit runs on a copy of the killed database while the next child starts on the original.
        ExecutorService auditor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("crash-audit-" + name).factory());
        Future<?> audit = CompletableFuture.completedFuture(null);
        try {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                if ((cycle - 1) % CYCLES_PER_FILE == 0) {
                    await(audit);
                    if (database != null) {
                        deleteDatabase(database);
                    }
                    database = folder.resolve(name + "-" + (cycle - 1) / CYCLES_PER_FILE + ".db");
                    storeAudit = new StoreAudit(game);
                    ledger.reset();
                }
                long childSeed = random.nextLong();
                long runMillis = MIN_RUN_MILLIS + random.nextLong(MAX_RUN_MILLIS - MIN_RUN_MILLIS + 1);
                String where = name + " cycle " + cycle + "/" + CYCLES + " (test seed " + seed + ", child seed " + childSeed + ")";

                Killed killed = startAndKill(database, game, childSeed, runMillis, where);
                await(audit);
                Path copy = copyDatabase(database, auditCopy);
                boolean replayAll = cycle == CYCLES || cycle % CYCLES_PER_FILE == 0;
                StoreAudit fileAudit = storeAudit;
                audit = auditor.submit(() -> audit(fileAudit, ledger, totals, copy, replayAll, killed, where));
            }
            await(audit);
        } finally {
            auditor.shutdownNow();
        }
        System.out.printf("[crash] %s: %d cycles in %d s; %d commands acknowledged, %d lost, worst loss lag %s; %d games recovered from a snapshot%n",
                name, CYCLES, millisSince(started) / 1_000, totals.acknowledged, ledger.lostTotal(),
                ledger.worstLostLagMillis() < 0 ? "-" : ledger.worstLostLagMillis() + " ms (allowed " + lossWindow + " ms)", totals.loadsFromSnapshot);
        assertThat(totals.acknowledged).as("commands acknowledged over %d cycles: a run that acknowledged nothing proved nothing", CYCLES).isPositive();
        assertThat(totals.loadsFromSnapshot).as("games the LATEST recovery started from a snapshot: snapshots must be exercised").isPositive();
        return null;
    }

    /** Checks what one killed child reported and left in {@code copy}, the database as the kill left it. */
    private static Void audit(StoreAudit storeAudit, AckLedger ledger, Totals totals, Path copy, boolean replayAll, Killed killed, String where)
            throws SQLException {
        assertThat(killed.lines().stream().filter(l -> l.startsWith(CrashReport.VIOLATION)).toList())
                .as("%s: what the child saw the engine do wrong", where).isEmpty();
        List<Ack> acks = killed.lines().stream().filter(Ack::isAck).map(Ack::parse).toList();
        long started = System.nanoTime();
        StoreAudit.Result result = storeAudit.check(copy, replayAll);
        assertThat(result.problems()).as("%s: the store after the kill", where).isEmpty();
        AckLedger.CycleCheck check = ledger.check(acks, killed.killedAtMillis(), result);
        assertThat(check.problems()).as("%s: acknowledged commands against the store after the kill", where).isEmpty();
        totals.acknowledged += check.acknowledged();
        totals.loadsFromSnapshot += result.loadsFromSnapshot();
        System.out.printf("[crash] %s: ready after %d ms, killed %d ms later; %d commands acknowledged, %d lost (%s); "
                        + "store: %d games (%d replayed), %d events, %d snapshots, %d commands kept from earlier kills; audit %d ms%n",
                where, killed.readyMillis(), killed.runMillis(), check.acknowledged(), check.lost(),
                check.lost() == 0 ? "-" : "the oldest acknowledged " + check.worstLostLagMillis() + " ms before the kill",
                result.games().size(), result.replays(), result.events(), result.snapshots(), ledger.storedCount(), millisSince(started));
        return null;
    }

    /** Waits for {@code work} and rethrows what it threw. */
    private static void await(Future<?> work) throws Exception {
        try {
            work.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) e.getCause();
        }
    }

    /** Starts a child on {@code database}, lets it run {@code runMillis} after it is ready, and kills it with SIGKILL. */
    private Killed startAndKill(Path database, CrashGame game, long childSeed, long runMillis, String where) throws Exception {
        String name = game.name().toLowerCase(Locale.ROOT);
        Path childTmp = folder.resolve(name + "-tmp");
        long started = System.nanoTime();
        try (ChildProcess child = ChildProcess.start(database, game, childSeed, childTmp, folder.resolve(name + "-child.err"))) {
            assertThat(child.awaitReady(READY_LIMIT)).as("%s: the child must report READY within %s; its standard error:%n%s",
                    where, READY_LIMIT, child.stderrTail()).isTrue();
            long readyMillis = millisSince(started);
            Thread.sleep(runMillis);
            long killedAt = System.currentTimeMillis();
            int exit = child.kill();
            assertThat(exit).as("%s: the child must have been running until SIGKILL ended it; its standard error:%n%s",
                    where, child.stderrTail()).isEqualTo(ChildProcess.KILLED_EXIT_CODE);
            return new Killed(child.lines(), killedAt, readyMillis, runMillis);
        } finally {
            emptyFolder(childTmp);
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    /** {@code logger} set to warnings and above (Flyway reports each migration at INFO on every open). */
    static Logger quiet(Logger logger) {
        logger.setLevel(Level.WARNING);
        return logger;
    }

    /**
     * Copies the database as the kill left it, WAL and all, so the audit's open and clean close (which
     * checkpoints the WAL) happen on the copy and the next child recovers the original after a crash itself.
     */
    private static Path copyDatabase(Path database, Path copy) throws IOException {
        deleteDatabase(copy);
        for (String suffix : DATABASE_FILES) {
            Path file = database.resolveSibling(database.getFileName() + suffix);
            if (Files.exists(file)) {
                Files.copy(file, copy.resolveSibling(copy.getFileName() + suffix));
            }
        }
        return copy;
    }

    private static void deleteDatabase(Path database) throws IOException {
        for (String suffix : DATABASE_FILES) {
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
