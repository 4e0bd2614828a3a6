package dev.statecraft.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** Collects what a subscription delivers. */
final class RecordingListener implements UpdateListener {
    final List<Versioned<Object>> updates = new CopyOnWriteArrayList<>();
    final List<SubscriptionEnd> ends = new CopyOnWriteArrayList<>();
    private final CountDownLatch gate;

    RecordingListener() {
        this(new CountDownLatch(0));
    }

    /** A listener that blocks on its first update until {@code gate} opens. */
    RecordingListener(CountDownLatch gate) {
        this.gate = gate;
    }

    @Override
    public void onUpdate(Versioned<Object> update) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        updates.add(update);
    }

    @Override
    public void onEnd(SubscriptionEnd reason) {
        ends.add(reason);
    }

    List<Long> versions() {
        return updates.stream().map(Versioned::version).toList();
    }
}
