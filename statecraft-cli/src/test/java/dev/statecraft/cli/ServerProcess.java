package dev.statecraft.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code statecraft serve} in a child JVM of its own, on a free port, that a test can kill with SIGKILL. */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("statecraft: listening on port (\\d+) .*");

    private final Process process;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final List<String> output = new ArrayList<>();

    private ServerProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("serve-child-stdout-" + process.pid()).start(this::read);
    }

    static ServerProcess serve(Path data, Path secretFile, Path stderr) {
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("cannot tell which java runs this test"));
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), StatecraftCommand.class.getName(),
                "serve", "--host", "127.0.0.1", "--port", "0", "--data", data.toString(), "--token-secret-file", secretFile.toString());
        try {
            return new ServerProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile())).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
    }

    /** The port the server listens on, once it says so. */
    int awaitPort() {
        return port.orTimeout(60, TimeUnit.SECONDS).join();
    }

    /** Sends SIGKILL and returns the exit code. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (output) {
                    output.add(line);
                }
                Matcher listening = LISTENING.matcher(line);
                if (listening.matches()) {
                    port.complete(Integer.parseInt(listening.group(1)));
                }
            }
            port.completeExceptionally(new IllegalStateException("statecraft serve ended before listening; its output: " + output));
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
