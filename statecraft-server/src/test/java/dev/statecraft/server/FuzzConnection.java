package dev.statecraft.server;

import dev.statecraft.codec.JsonCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A WebSocket client for {@link FuzzTest} that keeps counts, not messages, so millions of frames fit in
 * memory: frames sent, replies received (by type and code), and every problem seen. At most
 * {@code window} frames wait for their replies at once, so the client never outruns the server's
 * per-connection send queue.
 */
final class FuzzConnection implements AutoCloseable {
    private static final JsonCodec JSON = JsonCodec.json();
    private static final Set<String> REPLY_TYPES = Set.of("accepted", "rejected", "error", "created", "joined", "left");
    private static final Set<String> OTHER_TYPES = Set.of("welcome", "view", "ended");
    private static final Pattern STACK_TRACE = Pattern.compile("\\tat |\\bat (java|jdk|dev|io|org|tools)\\.");
    private static final int MAX_PROBLEMS = 20;

    private final WebSocket socket;
    private final Semaphore window;
    private final Set<String> awaited = ConcurrentHashMap.newKeySet();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong replies = new AtomicLong();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Counter counter = new Counter();

    FuzzConnection(HttpClient http, URI uri, int window) {
        this.window = new Semaphore(window);
        this.socket = http.newWebSocketBuilder().connectTimeout(WsClient.WAIT).buildAsync(uri, counter)
                .orTimeout(WsClient.WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Sends one frame once fewer than {@code window} replies are outstanding; false if the server stopped answering. */
    boolean send(FuzzFrames.Frame frame) throws InterruptedException {
        if (!window.tryAcquire(WsClient.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            problem("no reply within " + WsClient.WAIT + " after " + sent + " frames and " + replies + " replies ("
                    + ThreadDumps.write("fuzz connection waiting for replies") + ")");
            return false;
        }
        if (!frame.trackedRef().isEmpty()) {
            awaited.add(frame.trackedRef());
        }
        sent.incrementAndGet();
        CompletableFuture<WebSocket> sending = frame.isBinary()
                ? socket.sendBinary(ByteBuffer.wrap(frame.binary()), true)
                : socket.sendText(frame.text(), true);
        sending.orTimeout(WsClient.WAIT.toSeconds(), TimeUnit.SECONDS).join();
        return true;
    }

    long sent() {
        return sent.get();
    }

    long replies() {
        return replies.get();
    }

    /** Tracked refs sent whose reply has not come. */
    Set<String> awaited() {
        return Set.copyOf(awaited);
    }

    Map<String, Long> outcomes() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
        return counts;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    boolean isClosed() {
        return counter.closeCode.isDone();
    }

    String closeDescription() {
        return counter.closeCode.isDone() ? "closed with " + counter.closeCode.join() : "open";
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(failure -> null).completeOnTimeout(null, 2, TimeUnit.SECONDS).join();
        socket.abort();
    }

    private void received(String text) {
        JsonNode message;
        try {
            message = JSON.mapper().readTree(text);
        } catch (RuntimeException e) {
            problem("a server message that is not JSON: " + text);
            return;
        }
        String type = message.path("type").asString("");
        if (STACK_TRACE.matcher(text).find()) {
            problem("a stack trace: " + text);
        }
        if (OTHER_TYPES.contains(type)) {
            return;
        }
        if (!REPLY_TYPES.contains(type)) {
            problem("a message of unknown type: " + text);
            return;
        }
        String code = message.path("code").asString("");
        outcomes.computeIfAbsent(code.isEmpty() ? type : type + " " + code, key -> new LongAdder()).increment();
        if (code.equals(ClientError.INTERNAL) || code.equals(ClientError.RATE_LIMITED)) {
            problem(text);
        }
        String ref = message.path("ref").asString("");
        if (ref.startsWith("~") && !awaited.remove(ref)) {
            problem("a second reply, or one to a ref never sent: " + text);
        }
        replies.incrementAndGet();
        window.release();
    }

    private void problem(String description) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(description);
        }
    }

    private final class Counter extends WholeTextMessages {
        @Override
        void message(String text) {
            received(text);
        }

        @Override
        void failed(Throwable error) {
            problem("connection failed: " + error);
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            problem("a binary message from the server");
            webSocket.request(1);
            return null;
        }
    }
}
