package dev.statecraft.engine;

import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Rules;
import dev.statecraft.rules.Seat;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One subscriber's queue of versions and the virtual thread that turns each into the seat's view and
 * hands it to the listener. The game's writer only enqueues, so a slow listener never slows the game.
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
    private final Runnable onEnd;
    private volatile long lastDelivered = -1;
    private volatile SubscriptionEnd finalReason;
    private Thread deliverer;

    QueuedSubscription(String gameId, GameType<?, ?, ?, ?> type, Seat seat, UpdateListener listener, int queueLimit, Runnable onEnd) {
        this.gameId = gameId;
        this.seat = seat;
        this.rules = Erased.rules(type);
        this.listener = listener;
        this.queueLimit = queueLimit;
        this.onEnd = onEnd;
    }

    /** Queues the versions a new subscriber must see first, then starts delivering. */
    void start(List<LiveState> catchUp, long id) {
        queue.addAll(catchUp);
        deliverer = Thread.ofVirtual().name("statecraft-subscription-" + gameId + "-" + id).start(this::deliver);
    }

    /** Delivers {@code history} and then ends with {@code reason}: the game will have no more versions. */
    void startFinished(List<LiveState> history, long id, SubscriptionEnd reason) {
        finalReason = reason;
        queue.addAll(history);
        queue.add(END);
        deliverer = Thread.ofVirtual().name("statecraft-subscription-" + gameId + "-" + id).start(this::deliver);
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
    }

    /**
     * Ends once the versions already queued are delivered: the game will have no more (it was archived).
     * Unlike {@link #end}, which drops them, the subscriber still sees the game's last version.
     */
    void finish(SubscriptionEnd reason) {
        if (end.get() == null) {
            finalReason = reason;
            queue.add(END);
        }
    }

    void end(SubscriptionEnd reason) {
        if (end.compareAndSet(null, reason)) {
            queue.clear();
            queue.add(END);
            onEnd.run();
        }
    }

    private void deliver() {
        try {
            while (true) {
                LiveState next = queue.take();
                if (next == END && end.get() == null && finalReason != null) {
                    end(finalReason);
                }
                if (next == END || end.get() != null) {
                    break;
                }
                Object view = rules.view(next.state(), seat);
                listener.onUpdate(new Versioned<>(gameId, next.version(), next.phase(), view));
                lastDelivered = next.version();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end(SubscriptionEnd.ENGINE_CLOSED);
        } catch (RuntimeException e) {
            end(SubscriptionEnd.FAILED);
        }
        listener.onEnd(end.get());
    }

    void awaitEnd(long millis) throws InterruptedException {
        if (deliverer != null) {
            deliverer.join(millis);
        }
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
