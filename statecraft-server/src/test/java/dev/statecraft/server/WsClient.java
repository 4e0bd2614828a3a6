package dev.statecraft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.codec.JsonCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** A real WebSocket client (the JDK's) that keeps every message it receives, in order. */
public final class WsClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonCodec JSON = JsonCodec.json();

    private final WebSocket socket;
    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Collector collector = new Collector();
    private final AtomicInteger refs = new AtomicInteger();

    private WsClient(WebSocket.Builder builder, URI uri) {
        this.socket = builder.buildAsync(uri, collector).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public static WsClient connect(HttpClient http, URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        return new WsClient(builder, uri);
    }

    /** The HTTP status of a refused handshake, or fails if the handshake succeeds. */
    public static int refusedHandshake(HttpClient http, URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        try {
            WebSocket socket = builder.buildAsync(uri, new WebSocket.Listener() { }).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
            socket.abort();
            throw new AssertionError("the handshake to " + uri + " was accepted");
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    public void sendText(String text) {
        socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Sends {@code text} unless the server has closed the connection; false if it could not be sent. */
    boolean trySendText(String text) {
        try {
            sendText(text);
            return true;
        } catch (CompletionException e) {
            return false;
        }
    }

    public void send(Map<String, ?> frame) {
        sendText(JSON.writeString(frame));
    }

    /** Sends {@code frame} with a fresh ref and returns the reply that carries it; views received meanwhile stay in the inbox. */
    public JsonNode request(Map<String, ?> frame) {
        String ref = "r" + refs.incrementAndGet();
        Map<String, Object> withRef = new java.util.LinkedHashMap<>(frame);
        withRef.put("ref", ref);
        send(withRef);
        return awaitMatching(m -> ref.equals(m.path("ref").asString("")), "a reply to " + ref);
    }

    /** The first message in the inbox matching {@code test}; earlier ones that do not match stay, in order. */
    public JsonNode awaitMatching(Predicate<JsonNode> test, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JsonNode> skipped = new ArrayList<>();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode next = inbox.poll(100, TimeUnit.MILLISECONDS);
                if (next == null) {
                    continue;
                }
                if (test.test(next)) {
                    return next;
                }
                skipped.add(next);
            }
            throw new AssertionError("no " + what + " within " + WAIT + " (" + ThreadDumps.write(what) + "); received " + skipped);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            List<JsonNode> rest = new ArrayList<>(skipped);
            inbox.drainTo(rest);
            inbox.addAll(rest);
        }
    }

    public JsonNode awaitType(String type) {
        return awaitMatching(m -> type.equals(m.path("type").asString("")), "'" + type + "' message");
    }

    /**
     * The view of {@code gameId} at {@code version} or later. It stays in the inbox, so asking again
     * returns it again; older views of the game waiting there are dropped.
     */
    public JsonNode awaitView(String gameId, long version) {
        JsonNode view = awaitMatching(m -> isView(m, gameId) && m.path("version").asLong() >= version,
                "view of " + gameId + " at version >= " + version);
        List<JsonNode> rest = new ArrayList<>(List.of(view));
        inbox.drainTo(rest);
        rest.removeIf(m -> m != view && isView(m, gameId) && m.path("version").asLong() <= view.path("version").asLong());
        inbox.addAll(rest);
        return view;
    }

    private static boolean isView(JsonNode message, String gameId) {
        return message.path("type").asString("").equals("view") && message.path("gameId").asString("").equals(gameId);
    }

    /** The last view of {@code gameId} this client received. */
    public JsonNode lastView(String gameId) {
        List<String> all = received();
        for (int i = all.size() - 1; i >= 0; i--) {
            JsonNode message = JSON.mapper().readTree(all.get(i));
            if (isView(message, gameId)) {
                return message;
            }
        }
        throw new AssertionError("no view of " + gameId + " received");
    }

    /**
     * Keeps {@code view}, received on an earlier connection, as this client's latest view of its game (as
     * a real client keeps what it has shown); it is not counted among {@link #received()}.
     */
    public void holdView(JsonNode view) {
        inbox.add(view);
    }

    /** Every message received so far, as text, in order of arrival. */
    public List<String> received() {
        return List.copyOf(received);
    }

    public int awaitClose() {
        return collector.closeCode.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return collector.closeCode.isDone() || socket.isInputClosed();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            // the server may close its side meanwhile (after an oversize message, say); then there is nothing to say goodbye to
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(failure -> null).completeOnTimeout(null, 2, TimeUnit.SECONDS).join();
        }
        socket.abort();
    }

    public void abort() {
        socket.abort();
    }

    private final class Collector extends WholeTextMessages {
        @Override
        void message(String text) {
            received.add(text);
            JsonNode message = JSON.mapper().readTree(text);
            assertThat(message.isObject()).as("every server message is a JSON object: %s", text).isTrue();
            inbox.add(message);
        }
    }
}
