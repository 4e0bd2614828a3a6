package dev.statecraft.sqlite.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CrashChild} in its own JVM (the test's java and class path), its standard output read line
 * by line on a thread of its own and its standard error kept in a file for when a cycle fails.
 */
final class ChildProcess implements AutoCloseable {
    /** 128 + SIGKILL: how a JVM killed with SIGKILL exits. */
    static final int KILLED_EXIT_CODE = 137;

    private final Process process;
    private final Path stderr;
    private final List<String> lines = new ArrayList<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread reader;

    private ChildProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = Thread.ofPlatform().daemon().name("crash-child-stdout-" + process.pid()).start(this::read);
    }

    /** Starts a child on {@code database}; its native libraries are unpacked into {@code tmp}, which a killed JVM cannot clean. */
    static ChildProcess start(Path database, CrashGame game, long seed, Path tmp, Path stderr) {
        return start(CrashChild.class, List.of(database.toString(), game.name().toLowerCase(Locale.ROOT), Long.toString(seed)), tmp, stderr);
    }

    /**
     * Starts {@code main} (a class with a {@code main} method that reports {@link CrashReport#READY} on its standard output)
     * with {@code arguments}, as above.
     */
    static ChildProcess start(Class<?> main, List<String> arguments, Path tmp, Path stderr) {
        String javaCommand = ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this test, so cannot start the crash child"));
        // A child lives about a second: C1 alone and the serial collector leave both cores to its players instead of C2 and GC threads.
        List<String> command = new ArrayList<>(List.of(javaCommand, "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        try {
            Files.createDirectories(tmp);
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(stderr.toFile())).start();
            return new ChildProcess(process, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the crash child: " + String.join(" ", command), e);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals(CrashReport.READY)) {
                    ready.countDown();
                }
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            synchronized (lines) {
                lines.add("(reading the child's output failed: " + e + ")");
            }
        }
    }

    /** True once the child said READY; false if it did not within {@code limit} or died first. */
    boolean awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (ready.await(50, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (!process.isAlive()) {
                return ready.getCount() == 0;
            }
        }
        return false;
    }

    /** Sends SIGKILL, waits for the process to end and its output to be read; returns the exit code. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        int exit = process.waitFor();
        reader.join(TimeUnit.SECONDS.toMillis(30));
        return exit;
    }

    /** Everything the child wrote to standard output, in order. Call after {@link #kill()}. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The last lines the child wrote to standard error, for failure messages. */
    String stderrTail() {
        try {
            List<String> all = Files.readAllLines(stderr, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        } catch (IOException e) {
            return "(cannot read " + stderr + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
