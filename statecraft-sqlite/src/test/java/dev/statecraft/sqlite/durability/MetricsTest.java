package dev.statecraft.sqlite.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.EngineOptions;
import dev.statecraft.examples.cards.Cards;
import dev.statecraft.examples.world.World;
import dev.statecraft.examples.world.WorldCommand;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Setup;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTest {
    @TempDir
    Path folder;

    @Test
    void the_engine_and_the_default_store_report_appends_batches_syncs_flush_lag_snapshots_loads_and_the_hot_set() {
        MeterRegistry metrics = new SimpleMeterRegistry();
        try (Engine engine = Engine.builder().dataFolder(folder).register(Cards.TYPE, World.TYPE).metrics(metrics)
                .options(EngineOptions.defaults().withPassivateAfter(Duration.ZERO)).build()) {
            engine.create(Cards.TYPE, "m-1", Setup.empty());
            Moves.seatBoth(engine, "m-1");
            Moves.play(engine, "m-1", 3);
            engine.create(World.TYPE, "zone", Setup.empty());
            engine.submit("zone", CommandRequest.of("enter", Actor.player("ann"), new WorldCommand.EnterWorld()));
            engine.submit("zone", CommandRequest.of("move", Actor.player("ann"), new WorldCommand.Move(33, 33)));
            engine.submit("m-1", CommandRequest.of("late", Actor.player("nobody"), new dev.statecraft.examples.cards.CardCommand.Draw()));
            engine.passivate("m-1");
            engine.state("m-1");

            await().until(() -> metrics.get("statecraft.writebehind.flush.lag").timer().count() > 0);
            assertThat(metrics.get("statecraft.events.appended").tag("policy", "durable").counter().count()).isGreaterThanOrEqualTo(6);
            assertThat(metrics.get("statecraft.events.appended").tag("policy", "buffered").counter().count()).isEqualTo(2);
            assertThat(metrics.get("statecraft.commands").tag("game.type", "cards").timer().count()).isGreaterThanOrEqualTo(5);
            assertThat(metrics.get("statecraft.commands.rejected").tag("code", "unknown-player").counter().count()).isEqualTo(1);
            assertThat(metrics.get("statecraft.store.batch.size").summary().count()).isPositive();
            assertThat(metrics.get("statecraft.store.batch.sync").timer().count()).isPositive();
            assertThat(metrics.get("statecraft.store.events.waiting").gauge().value()).as("the zone's events, fewer than a game moves at once")
                    .isGreaterThanOrEqualTo(2);
            assertThat(metrics.get("statecraft.snapshots").tag("outcome", "saved").counters()).isNotEmpty();
            assertThat(metrics.get("statecraft.games.loads").tag("result", "hit").counter().count()).isPositive();
            assertThat(metrics.get("statecraft.games.loads.time").tag("game.type", "cards").timers().stream().mapToLong(t -> t.count()).sum())
                    .as("created, then reloaded after passivation").isEqualTo(2);
            assertThat(metrics.get("statecraft.games.loads.time").tag("game.type", "cards").tag("source", "snapshot").timer().count()).isEqualTo(1);
            assertThat(metrics.get("statecraft.games.hot").gauge().value()).isEqualTo(2);
        }
    }
}
