package dev.statecraft.examples.cards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.Engine;
import dev.statecraft.store.memory.InMemoryStore;
import dev.statecraft.testkit.ReplayCheck;
import dev.statecraft.testkit.Seeds;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomMatchesTest {

    @Test
    void random_matches_end_their_stored_history_replays_every_live_state_and_no_view_ever_shows_a_hidden_card() {
        long seed = Seeds.seed("random_matches_end_their_stored_history_replays_every_live_state_and_no_view_ever_shows_a_hidden_card");
        int matches = Seeds.scaled(5_000);
        Map<String, LongAdder> tally = new ConcurrentHashMap<>();
        try (Engine engine = Engine.builder().store(InMemoryStore.create()).register(Cards.TYPE).seed(seed).build()) {
            IntStream.range(0, matches).parallel().forEach(i -> RandomMatches.check(seed, "random-" + i, () -> {
                RandomMatch.Run run = RandomMatch.play(engine, "random-" + i, new SplittableRandom(seed + i));
                ReplayCheck.assertHistoryReplaysLiveStates(engine, "random-" + i, run.liveByVersion());
                SeatViews.assertEveryViewHidesWhatItsSeatMayNotSee(engine, "random-" + i);
                run.rejections().forEach(code -> count(tally, code));
                count(tally, run.outcome().ending().name());
            }));
        }
        System.out.println("[random matches] seed " + seed + ", " + matches + " matches: " + tally);
        assertThat(tally.keySet()).as("seed %d: rejection codes and endings seen", seed)
                .containsAll(RandomMatch.GAME_CODES)
                .contains(Ending.EMPTIED_HAND.name(), Ending.FEWEST_CARDS.name(), Ending.FORFEIT.name(), Ending.DRAW.name());
    }

    private static void count(Map<String, LongAdder> tally, String key) {
        tally.computeIfAbsent(key, k -> new LongAdder()).increment();
    }
}
