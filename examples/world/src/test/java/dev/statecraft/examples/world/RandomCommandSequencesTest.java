package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.Versioned;
import dev.statecraft.rules.ReasonCode;
import dev.statecraft.store.memory.InMemoryStore;
import dev.statecraft.testkit.ManualClock;
import dev.statecraft.testkit.ReplayCheck;
import dev.statecraft.testkit.Seeds;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RandomCommandSequencesTest {

    @Test
    void random_command_sequences_replay_from_their_history_to_the_states_they_had_live() {
        long seed = Seeds.seed("RandomCommandSequencesTest");
        int sequences = Seeds.scaled(5_000);
        SplittableRandom random = new SplittableRandom(seed);
        RandomWorldTraffic traffic = new RandomWorldTraffic(random);
        ManualClock clock = ManualClock.startingAt("2030-01-01T00:00:00Z");
        long accepted = 0;
        long commands = 0;
        Map<String, Integer> acceptedByCommand = new TreeMap<>();
        Map<String, Integer> rejectedByCode = new TreeMap<>();
        try (Engine engine = Engine.builder().store(InMemoryStore.create()).register(World.TYPE).seed(seed).clock(clock).build()) {
            for (int sequence = 0; sequence < sequences; sequence++) {
                String gameId = "random-" + sequence;
                try {
                    engine.create(World.TYPE, gameId, traffic.setup());
                    Map<Long, Object> live = new HashMap<>();
                    live.put(0L, engine.state(gameId).value());
                    int length = traffic.sequenceLength();
                    for (int i = 0; i < length; i++) {
                        clock.advance(traffic.pause());
                        Versioned<ZoneState> before = engine.state(gameId, ZoneState.class);
                        RandomWorldTraffic.Step step = traffic.next(before.value());
                        CommandResult result = engine.submit(gameId, CommandRequest.of("c-" + i, step.actor(), step.command()));
                        Versioned<Object> after = engine.state(gameId);
                        switch (result) {
                            case CommandResult.Accepted a -> {
                                assertThat(after.version()).as("version after %s", step).isEqualTo(before.version() + a.eventCount());
                                accepted++;
                                acceptedByCommand.merge(step.command().getClass().getSimpleName(), 1, Integer::sum);
                            }
                            case CommandResult.Rejected r -> {
                                assertThat(after).as("state after refused %s (%s)", step, r.message()).isEqualTo(before);
                                rejectedByCode.merge(r.code(), 1, Integer::sum);
                            }
                        }
                        live.put(after.version(), after.value());
                        commands++;
                    }
                    ReplayCheck.assertHistoryReplaysLiveStates(engine, gameId, live);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("seed " + seed + ", game " + gameId + ": " + e.getMessage(), e);
                }
            }
        }
        System.out.println("[random] " + sequences + " sequences, " + commands + " commands; accepted " + acceptedByCommand
                + "; rejected " + rejectedByCode);
        assertThat(acceptedByCommand).as("every kind of command is accepted sometimes").containsOnlyKeys(World.TYPE.commands().names());
        assertThat(rejectedByCode).as("every kind of refusal happens").containsOnlyKeys(
                ReasonCode.INVALID_MOVE, ReasonCode.UNKNOWN_PLAYER, ReasonCode.WRONG_SEAT);
        assertThat(accepted).as("a useful share of random commands is accepted").isGreaterThan(commands / 5);
    }
}
