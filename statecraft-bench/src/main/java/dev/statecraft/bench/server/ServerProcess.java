package dev.statecraft.bench.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link LoadServer} running as a child JVM, and the one-line requests the driver sends it on its stdin.
 * The child's stderr (its log) goes to the driver's stderr.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final PrintWriter requests;
    private final BufferedReader replies;
    private final int port;

    private ServerProcess(Process process) throws IOException {
        this.process = process;
        this.requests = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.port = Integer.parseInt(awaitReply(LoadServer.READY).get("port"));
    }

    /** Starts the server with this JVM's java and class path, {@code jvmOptions} first. */
    static ServerProcess start(List<String> jvmOptions, Path dataParent, boolean keepData) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LoadServer.class.getName(),
                "--data", dataParent.toString()));
        if (keepData) {
            command.add("--keep");
        }
        System.err.println("starting the server: " + String.join(" ", command));
        try {
            return new ServerProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the load server: " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Live heap bytes after full collections, and the server's counts at that moment. */
    Map<String, String> heap() {
        return request("heap");
    }

    Map<String, String> stats() {
        return request("stats");
    }

    private synchronized Map<String, String> request(String name) {
        requests.println(name);
        try {
            return awaitReply(name);
        } catch (IOException e) {
            throw new UncheckedIOException("the load server did not answer '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Reads stdout up to the line starting with {@code word}; returns its {@code key=value} pairs. */
    private Map<String, String> awaitReply(String word) throws IOException {
        for (String line = replies.readLine(); line != null; line = replies.readLine()) {
            String[] parts = line.strip().split(" ");
            if (parts[0].equals("error")) {
                throw new IllegalStateException("the load server refused a request: " + line);
            }
            if (!parts[0].equals(word)) {
                System.err.println("load server: " + line);
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int equals = parts[i].indexOf('=');
                if (equals > 0) {
                    values.put(parts[i].substring(0, equals), parts[i].substring(equals + 1));
                }
            }
            return values;
        }
        throw new IllegalStateException("the load server exited (status " + exitStatus() + ") before answering '" + word + "'");
    }

    private String exitStatus() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public void close() {
        requests.println("stop");
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                System.err.println("the load server did not stop within 60 s; killing process " + process.pid());
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        requests.close();
    }
}
