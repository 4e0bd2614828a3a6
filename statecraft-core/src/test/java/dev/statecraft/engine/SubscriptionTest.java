package dev.statecraft.engine;

import static dev.statecraft.engine.TestEngines.by;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.statecraft.persistence.Persistence;
import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Seat;
import dev.statecraft.rules.Setup;
import dev.statecraft.store.memory.InMemoryStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionTest {
    private final Engine engine = TestEngines.tallyEngine();

    @BeforeEach
    void createGame() {
        engine.create(Tally.TYPE, "t-1", Setup.empty());
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void each_subscriber_gets_its_own_seats_view_now_and_after_every_version_in_order() {
        RecordingListener ann = new RecordingListener();
        RecordingListener spectator = new RecordingListener();
        engine.subscribe("t-1", Seat.player("ann"), ann);
        engine.subscribe("t-1", Seat.spectator(), spectator);

        engine.submit("t-1", by("ann", "c-1", new Tally.Add(5)));
        engine.submit("t-1", by("bob", "c-2", new Tally.AddTwice(1)));

        await().until(() -> ann.updates.size() == 4 && spectator.updates.size() == 4);
        assertThat(ann.versions()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(ann.updates).extracting(Versioned::value).containsExactly(
                new Tally.View(0, 0), new Tally.View(5, 5), new Tally.View(6, 5), new Tally.View(7, 5));
        assertThat(spectator.updates).extracting(Versioned::value).containsExactly(
                new Tally.View(0, 0), new Tally.View(5, 0), new Tally.View(6, 0), new Tally.View(7, 0));
    }

    @Test
    void a_subscription_holds_no_thread_while_it_waits_for_the_next_version() {
        List<Thread> deliverers = new CopyOnWriteArrayList<>();
        RecordingListener recording = new RecordingListener();
        engine.subscribe("t-1", Seat.player("ann"), new UpdateListener() {
            @Override
            public void onUpdate(Versioned<Object> update) {
                deliverers.add(Thread.currentThread());
                recording.onUpdate(update);
            }

            @Override
            public void onEnd(SubscriptionEnd reason) {
                recording.onEnd(reason);
            }
        });
        await().until(() -> recording.updates.size() == 1);
        await().until(() -> deliverers.stream().noneMatch(Thread::isAlive));

        engine.submit("t-1", by("ann", "c-1", new Tally.Add(5)));

        await().until(() -> recording.updates.size() == 2);
        await().alias("the thread that delivered version 1 ends once nothing more is queued")
                .until(() -> deliverers.stream().noneMatch(Thread::isAlive));
        assertThat(recording.versions()).containsExactly(0L, 1L);
    }

    @Test
    void a_subscriber_still_behind_when_its_game_is_archived_gets_every_version_up_to_the_last_then_the_end() {
        CountDownLatch gate = new CountDownLatch(1);
        RecordingListener slow = new RecordingListener(gate);
        engine.subscribe("t-1", Seat.player("ann"), slow);
        for (int i = 1; i <= 3; i++) {
            engine.submit("t-1", by("ann", "c-" + i, new Tally.Add(1)));
        }

        engine.archive("t-1");
        gate.countDown();

        await().until(() -> !slow.ends.isEmpty());
        assertThat(slow.versions()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(slow.ends).containsExactly(SubscriptionEnd.ARCHIVED);
    }

    @Test
    void a_resume_that_starts_from_a_snapshot_delivers_the_same_views_as_one_replayed_from_the_first_event() {
        GameType<Tally.State, Tally.Command, Tally.Event, Tally.View> snapshotting = GameType
                .builder("tally-snapshots", new Tally(), Tally.State.class, Tally.Command.class, Tally.Event.class)
                .phases(Tally.PHASES).persistence(Persistence.defaults().withSnapshotEvery(3)).build();
        InMemoryStore store = InMemoryStore.create();
        try (Engine snapshots = Engine.builder().store(store).register(snapshotting).build()) {
            snapshots.create(snapshotting, "s-1", Setup.empty());
            for (int i = 1; i <= 10; i++) {
                snapshots.submit("s-1", by(i % 2 == 0 ? "ann" : "bob", "c-" + i, new Tally.Add(i)));
            }
            assertThat(store.snapshots().latestAtOrBefore("s-1", 8)).as("a snapshot for the resume to start from").isPresent();
            RecordingListener listener = new RecordingListener();

            snapshots.resume("s-1", Seat.player("ann"), 8, listener);

            await().until(() -> listener.updates.size() == 2);
            assertThat(listener.versions()).containsExactly(9L, 10L);
            for (Versioned<Object> update : listener.updates) {
                Object replayed = snapshotting.rules().view((Tally.State) snapshots.stateAt("s-1", update.version()).value(), Seat.player("ann"));
                assertThat(update.value()).isEqualTo(replayed);
            }
        }
    }

    @Test
    void a_resume_further_behind_than_the_subscriber_queue_limit_is_refused_naming_the_gap() {
        for (int i = 1; i <= 5; i++) {
            engine.submit("t-1", by("ann", "c-" + i, new Tally.Add(1)));
        }
        try (Engine small = Engine.builder().store(InMemoryStore.create()).register(Tally.TYPE)
                .options(EngineOptions.defaults().withSubscriberQueueLimit(3)).build()) {
            small.create(Tally.TYPE, "t-2", Setup.empty());
            for (int i = 1; i <= 5; i++) {
                small.submit("t-2", by("ann", "c-" + i, new Tally.Add(1)));
            }

            assertThatThrownBy(() -> small.resume("t-2", Seat.player("ann"), 1, new RecordingListener()))
                    .isInstanceOf(ResumeTooFarBehindException.class)
                    .hasMessageContaining("resuming after version 1 means 4 versions to catch up, more than the 3");
            assertThat(small.resume("t-2", Seat.player("ann"), 2, new RecordingListener()).isActive()).isTrue();
        }
    }

    @Test
    void a_resumed_subscriber_gets_every_version_it_missed_once_then_live_ones() {
        for (int i = 1; i <= 5; i++) {
            engine.submit("t-1", by("ann", "c-" + i, new Tally.Add(1)));
        }
        RecordingListener listener = new RecordingListener();

        engine.resume("t-1", Seat.player("ann"), 2, listener);
        engine.submit("t-1", by("ann", "c-6", new Tally.Add(1)));

        await().until(() -> listener.updates.size() == 4);
        assertThat(listener.versions()).containsExactly(3L, 4L, 5L, 6L);
        assertThat(listener.updates.getLast().value()).isEqualTo(new Tally.View(6, 6));
    }

    @Test
    void resuming_from_a_version_the_game_has_not_reached_fails_clearly() {
        assertThatThrownBy(() -> engine.resume("t-1", Seat.spectator(), 9, new RecordingListener()))
                .hasMessage("game t-1: cannot resume after version 9; the game is at version 0");
    }

    @Test
    void updates_published_while_subscribers_come_and_go_stay_ordered_and_gapless() throws Exception {
        RecordingListener steady = new RecordingListener();
        engine.subscribe("t-1", Seat.spectator(), steady);
        ConcurrencyTest.runOnThreads(4, thread -> {
            for (int i = 0; i < 100; i++) {
                engine.submit("t-1", by("p" + thread, thread + "-" + i, new Tally.Add(1)));
                if (i % 10 == 0) {
                    engine.subscribe("t-1", Seat.player("p" + thread), new RecordingListener()).close();
                }
            }
        });

        await().until(() -> steady.updates.size() == 401);
        assertThat(steady.versions()).containsExactlyElementsOf(LongStream.rangeClosed(0, 400).boxed().toList());
    }

    @Test
    void a_subscriber_too_slow_to_keep_up_is_ended_with_overflow_and_never_slows_the_game() {
        try (Engine small = Engine.builder().store(InMemoryStore.create()).register(Tally.TYPE)
                .options(EngineOptions.defaults().withSubscriberQueueLimit(10)).build()) {
            small.create(Tally.TYPE, "t-1", Setup.empty());
            CountDownLatch stuck = new CountDownLatch(1);
            RecordingListener slow = new RecordingListener(stuck);
            Subscription subscription = small.subscribe("t-1", Seat.spectator(), slow);

            for (int i = 0; i < 50; i++) {
                assertThat(small.submit("t-1", by("ann", "c-" + i, new Tally.Add(1))).isAccepted()).isTrue();
            }
            stuck.countDown();

            await().until(() -> slow.ends.equals(List.of(SubscriptionEnd.OVERFLOW)));
            assertThat(subscription.isActive()).isFalse();
            assertThat(small.state("t-1").version()).isEqualTo(50);
        }
    }

    @Test
    void closing_a_subscription_ends_it_once_and_stops_deliveries() {
        RecordingListener listener = new RecordingListener();
        Subscription subscription = engine.subscribe("t-1", Seat.spectator(), listener);
        await().until(() -> listener.updates.size() == 1);

        subscription.close();
        engine.submit("t-1", by("ann", "c-1", new Tally.Add(1)));

        await().until(() -> listener.ends.equals(List.of(SubscriptionEnd.CLOSED)));
        assertThat(listener.versions()).containsExactly(0L);
        assertThat(subscription.lastDeliveredVersion()).isZero();
    }

    @Test
    void closing_the_engine_ends_every_subscription() {
        RecordingListener listener = new RecordingListener();
        engine.subscribe("t-1", Seat.spectator(), listener);

        engine.close();

        await().until(() -> listener.ends.equals(List.of(SubscriptionEnd.ENGINE_CLOSED)));
    }

    @Test
    void subscribers_keep_receiving_after_their_game_was_passivated_and_reloaded() {
        RecordingListener listener = new RecordingListener();
        engine.subscribe("t-1", Seat.spectator(), listener);

        assertThat(engine.passivate("t-1")).isTrue();
        engine.submit("t-1", by("ann", "c-1", new Tally.Add(1)));

        await().until(() -> listener.updates.size() == 2);
        assertThat(listener.versions()).containsExactly(0L, 1L);
    }
}
