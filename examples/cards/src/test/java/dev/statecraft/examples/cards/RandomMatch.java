package dev.statecraft.examples.cards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.Versioned;
import dev.statecraft.rules.ReasonCode;
import dev.statecraft.rules.Setup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Plays one random match through an engine to its end, checking every command on the way: a rejection
 * changes nothing, an acceptance moves the version by its event count, a retried command id gets an
 * equal result. Records the live state after every command for {@link dev.statecraft.testkit.ReplayCheck}.
 */
final class RandomMatch {
    /** Far more than a match needs: at most 37 draws and 40 plays, two passes in a row end it, noise changes nothing. */
    static final int MAX_COMMANDS = 2_000;
    static final List<String> GAME_CODES =
            List.of(ReasonCode.WRONG_PHASE, ReasonCode.WRONG_SEAT, ReasonCode.UNKNOWN_PLAYER, ReasonCode.INVALID_MOVE);

    private RandomMatch() {
    }

    /** What a match left behind: the live state after every command, the codes it was refused with, how it ended. */
    record Run(Map<Long, Object> liveByVersion, List<String> rejections, Outcome outcome) {
    }

    static Run play(Engine engine, String gameId, RandomGenerator random) {
        engine.create(Cards.TYPE, gameId, Setup.of(CardSettings.HAND_SIZE, String.valueOf(1 + random.nextInt(CardSettings.MAX_HAND_SIZE))));
        Map<Long, Object> live = new HashMap<>();
        List<String> rejections = new ArrayList<>();
        Versioned<CardState> before = engine.state(gameId, CardState.class);
        live.put(before.version(), before.value());
        CommandRequest last = null;
        CommandResult lastResult = null;
        for (int n = 0; before.phase() != CardPhase.FINISHED; n++) {
            assertThat(n).as("game %s must finish within %d commands", gameId, MAX_COMMANDS).isLessThan(MAX_COMMANDS);
            if (last != null && random.nextInt(40) == 0) {
                assertThat(engine.submit(gameId, last)).as("retry of %s", last.commandId()).isEqualTo(lastResult);
                assertThat(engine.state(gameId, CardState.class)).as("state after a retry").isEqualTo(before);
                continue;
            }
            RandomActs.Act act = RandomActs.next(before.value(), random);
            last = CommandRequest.of(gameId + "-" + n, act.actor(), act.command());
            lastResult = engine.submit(gameId, last);
            Versioned<CardState> after = engine.state(gameId, CardState.class);
            switch (lastResult) {
                case CommandResult.Accepted a -> assertThat(after.version()).as("%s by %s", act.command(), act.actor())
                        .isEqualTo(a.version()).isEqualTo(before.version() + a.eventCount());
                case CommandResult.Rejected r -> {
                    assertThat(r.code()).as("%s by %s: %s", act.command(), act.actor(), r.message()).isIn(GAME_CODES);
                    assertThat(after).as("%s by %s rejected with %s", act.command(), act.actor(), r.code()).isEqualTo(before);
                    rejections.add(r.code());
                }
            }
            live.put(after.version(), after.value());
            before = after;
        }
        RandomActs.Act late = RandomActs.next(before.value(), random);
        CommandResult afterEnd = engine.submit(gameId, CommandRequest.of(gameId + "-after-end", late.actor(), late.command()));
        assertThat(afterEnd).as("%s by %s after the end", late.command(), late.actor())
                .isInstanceOfSatisfying(CommandResult.Rejected.class, r -> assertThat(r.code()).isEqualTo(ReasonCode.GAME_ARCHIVED));
        return new Run(live, rejections, before.value().outcome());
    }
}
