package dev.statecraft.engine;

import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Seat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The subscriptions of every game, kept apart from the hot set so that a game can leave memory and come
 * back without its subscribers noticing.
 */
final class SubscriptionHub {
    private final ConcurrentHashMap<String, CopyOnWriteArrayList<QueuedSubscription>> byGame = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final int queueLimit;

    SubscriptionHub(int queueLimit) {
        this.queueLimit = queueLimit;
    }

    /** Registers a subscriber; call with the game's lock held so no version slips between catch-up and live updates. */
    Subscription add(HotGame game, Seat seat, UpdateListener listener, List<LiveState> catchUp) {
        QueuedSubscription[] self = new QueuedSubscription[1];
        self[0] = new QueuedSubscription(ids.incrementAndGet(), game.gameId, game.type, seat, listener, queueLimit, () -> remove(game.gameId, self[0]));
        byGame.compute(game.gameId, (id, list) -> {
            CopyOnWriteArrayList<QueuedSubscription> subscribers = list == null ? new CopyOnWriteArrayList<>() : list;
            subscribers.add(self[0]);
            return subscribers;
        });
        self[0].start(catchUp);
        return self[0];
    }

    /** Hands new versions to the game's subscribers; call with the game's lock held, in version order. */
    void publish(HotGame game, List<LiveState> steps) {
        if (steps.isEmpty()) {
            return;
        }
        List<QueuedSubscription> list = byGame.get(game.gameId);
        if (list != null) {
            for (QueuedSubscription s : list) {
                s.offer(steps);
            }
        }
    }

    /** A subscription to a game that has no more versions: it gets {@code history}, then ends with {@code reason}. */
    Subscription addFinished(String gameId, GameType<?, ?, ?, ?> type, Seat seat, UpdateListener listener, List<LiveState> history,
                             SubscriptionEnd reason) {
        QueuedSubscription subscription = new QueuedSubscription(ids.incrementAndGet(), gameId, type, seat, listener, queueLimit, () -> { });
        subscription.startFinished(history, reason);
        return subscription;
    }

    /** Ends the game's subscriptions after each has delivered the versions it has queued: the game has no more. */
    void finishGame(String gameId, SubscriptionEnd reason) {
        List<QueuedSubscription> list = byGame.get(gameId);
        if (list != null) {
            list.forEach(s -> s.finish(reason));
        }
    }

    int count() {
        return byGame.values().stream().mapToInt(List::size).sum();
    }

    void endAll(SubscriptionEnd reason) throws InterruptedException {
        List<QueuedSubscription> all = byGame.values().stream().flatMap(List::stream).toList();
        for (QueuedSubscription s : all) {
            s.end(reason);
        }
        for (QueuedSubscription s : all) {
            s.awaitEnd(1_000);
        }
    }

    private void remove(String gameId, QueuedSubscription subscription) {
        byGame.computeIfPresent(gameId, (id, list) -> {
            list.remove(subscription);
            return list.isEmpty() ? null : list;
        });
    }
}
