package dev.statecraft.server;

import dev.statecraft.engine.Subscription;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client's WebSocket: who it is, its message rate, the games it receives views of, and its queue
 * of messages being written. A client that reads slower than the server writes is disconnected once
 * {@link ServerOptions#maxQueuedSends()} messages wait, so it holds no more memory than that.
 */
final class Connection {
    static final int MAX_SUBSCRIPTIONS = 32;
    /** WebSocket close codes (RFC 6455): 1008 policy violation, 1013 try again later. */
    static final int POLICY_VIOLATION = 1008;
    static final int TRY_AGAIN_LATER = 1013;

    private final TextSocket socket;
    private final Principal principal;
    private final MessageRate rate;
    private final int maxQueuedSends;
    private final int maxRefusedInARow;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final AtomicInteger queuedSends = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private int refusedInARow;

    Connection(TextSocket socket, Principal principal, ServerOptions options) {
        this.socket = socket;
        this.principal = principal;
        this.rate = new MessageRate(options.messagesPerSecond(), options.messageBurst(), System.nanoTime());
        this.maxQueuedSends = options.maxQueuedSends();
        this.maxRefusedInARow = options.messageBurst();
    }

    Principal principal() {
        return principal;
    }

    /**
     * True if the next message is within the rate. A client that keeps sending past it after being told
     * is disconnected once it has been refused as many times in a row as its burst allows.
     */
    synchronized boolean admitMessage() {
        if (rate.tryAcquire(System.nanoTime())) {
            refusedInARow = 0;
            return true;
        }
        if (++refusedInARow > maxRefusedInARow) {
            close(POLICY_VIOLATION, "rate limit exceeded");
        }
        return false;
    }

    /** Sends one message, {@code utf8Json} being its JSON text in UTF-8 ({@link Replies}). */
    void send(byte[] utf8Json) {
        if (closed.get()) {
            return;
        }
        if (queuedSends.incrementAndGet() > maxQueuedSends) {
            close(POLICY_VIOLATION, "client reads too slowly: " + maxQueuedSends + " messages waiting");
            return;
        }
        socket.sendText(utf8Json, queuedSends::decrementAndGet);
    }

    /** False if the connection holds as many subscriptions as it may and none of them is to {@code gameId}. */
    boolean maySubscribe(String gameId) {
        return subscriptions.containsKey(gameId) || subscriptions.size() < MAX_SUBSCRIPTIONS;
    }

    /** Keeps {@code subscription}, ending any earlier one to the same game. */
    void track(Subscription subscription) {
        Subscription previous = subscriptions.put(subscription.gameId(), subscription);
        if (previous != null) {
            previous.close();
        }
        if (!subscription.isActive()) {
            forget(subscription);
        }
    }

    boolean unsubscribe(String gameId) {
        Subscription subscription = subscriptions.remove(gameId);
        if (subscription == null) {
            return false;
        }
        subscription.close();
        return true;
    }

    /** Forgets a subscription that ended by itself, unless a newer one for the same game replaced it. */
    void forget(Subscription ended) {
        subscriptions.remove(ended.gameId(), ended);
    }

    void close(int code, String reason) {
        if (closed.compareAndSet(false, true)) {
            socket.close(code, reason);
        }
    }

    /** Ends every subscription; called once the socket is closed, whoever closed it. */
    void release() {
        closed.set(true);
        subscriptions.values().forEach(Subscription::close);
        subscriptions.clear();
    }
}
