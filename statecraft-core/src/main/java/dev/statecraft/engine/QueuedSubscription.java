package dev.statecraft.engine;

import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Rules;
import dev.statecraft.rules.Seat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One subscriber's queue of versions, and its delivery: turning each version into the seat's view and
 * handing it to the listener. The game's writer only enqueues, so a slow listener never slows the game.
 *
 * <p>Delivery runs on a short-lived virtual thread, started when versions arrive and none is running,
 * that ends once the queue is empty. A subscription holds no thread while it waits: ten thousand idle
 * subscribers are ten thousand queues, not ten thousand parked threads, each with a stack on the heap and
 * a fresh stack chunk at every park (see docs/BENCHMARKS.md, server load).
 */
final class QueuedSubscription implements Subscription {
    private static final LiveState END = new LiveState(-1, null, null);

    private final String gameId;
    private final Seat seat;
    private final Rules<Object, Object, Object, Object> rules;
    private final UpdateListener listener;
    private final int queueLimit;
    private final LinkedBlockingQueue<LiveState> queue = new LinkedBlockingQueue<>();
    private final AtomicReference<SubscriptionEnd> end = new AtomicReference<>();
    /** True while a thread delivers; stays true once the listener has been told the subscription ended. */
    private final AtomicBoolean delivering = new AtomicBoolean();
    private final CountDownLatch listenerToldOfEnd = new CountDownLatch(1);
    private final Runnable onEnd;
    private volatile long lastDelivered = -1;
    private volatile SubscriptionEnd finalReason;
    private final String threadName;

    QueuedSubscription(long id, String gameId, GameType<?, ?, ?, ?> type, Seat seat, UpdateListener listener, int queueLimit, Runnable onEnd) {
        this.threadName = "statecraft-subscription-" + gameId + "-" + id;
        this.gameId = gameId;
        this.seat = seat;
        this.rules = Erased.rules(type);
        this.listener = listener;
        this.queueLimit = queueLimit;
        this.onEnd = onEnd;
    }

    /** Queues the versions a new subscriber must see first, then starts delivering. */
    void start(List<LiveState> catchUp) {
        queue.addAll(catchUp);
        deliverSoon();
    }

    /** Delivers {@code history} and then ends with {@code reason}: the game will have no more versions. */
    void startFinished(List<LiveState> history, SubscriptionEnd reason) {
        finalReason = reason;
        queue.addAll(history);
        queue.add(END);
        deliverSoon();
    }

    /** Queues live versions; a subscriber already {@code queueLimit} behind is ended instead. */
    void offer(List<LiveState> steps) {
        if (end.get() != null) {
            return;
        }
        if (queue.size() + steps.size() > queueLimit) {
            end(SubscriptionEnd.OVERFLOW);
            return;
        }
        queue.addAll(steps);
        deliverSoon();
    }

    /**
     * Ends once the versions already queued are delivered: the game will have no more (it was archived).
     * Unlike {@link #end}, which drops them, the subscriber still sees the game's last version.
     */
    void finish(SubscriptionEnd reason) {
        if (end.get() == null) {
            finalReason = reason;
            queue.add(END);
            deliverSoon();
        }
    }

    void end(SubscriptionEnd reason) {
        if (end.compareAndSet(null, reason)) {
            queue.clear();
            queue.add(END);
            onEnd.run();
            deliverSoon();
        }
    }

    /** Starts a delivering thread unless one is running; that one will see what was just queued. */
    private void deliverSoon() {
        if (delivering.compareAndSet(false, true)) {
            Thread.ofVirtual().name(threadName).start(this::deliverQueued);
        }
    }

    private void deliverQueued() {
        while (true) {
            if (!deliverUntilEmpty()) {
                try {
                    listener.onEnd(end.get());
                } finally {
                    listenerToldOfEnd.countDown();
                }
                return;
            }
            delivering.set(false);
            // a version queued after the last poll and before the flag was cleared found it still set
            if (queue.isEmpty() || !delivering.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /** Delivers until the queue is empty (true), or until the subscription ends (false). */
    private boolean deliverUntilEmpty() {
        LiveState next;
        while ((next = queue.poll()) != null) {
            if (next == END && end.get() == null && finalReason != null) {
                end(finalReason);
            }
            if (next == END || end.get() != null) {
                return false;
            }
            try {
                Object view = rules.view(next.state(), seat);
                listener.onUpdate(new Versioned<>(gameId, next.version(), next.phase(), view));
            } catch (RuntimeException e) {
                end(SubscriptionEnd.FAILED);
                return false;
            }
            lastDelivered = next.version();
        }
        return true;
    }

    void awaitEnd(long millis) throws InterruptedException {
        listenerToldOfEnd.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public String gameId() {
        return gameId;
    }

    @Override
    public Seat seat() {
        return seat;
    }

    @Override
    public long lastDeliveredVersion() {
        return lastDelivered;
    }

    @Override
    public boolean isActive() {
        return end.get() == null;
    }

    @Override
    public void close() {
        end(SubscriptionEnd.CLOSED);
    }
}
