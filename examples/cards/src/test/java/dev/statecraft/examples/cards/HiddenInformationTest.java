package dev.statecraft.examples.cards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.Engine;
import dev.statecraft.store.memory.InMemoryStore;
import dev.statecraft.testkit.Seeds;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HiddenInformationTest {

    @Test
    void no_view_at_any_version_shows_a_card_of_the_other_hand_or_the_deck() {
        long seed = Seeds.seed("no_view_at_any_version_shows_a_card_of_the_other_hand_or_the_deck");
        int matches = Seeds.scaled(3_000);
        LongAdder views = new LongAdder();
        try (Engine engine = Engine.builder().store(InMemoryStore.create()).register(Cards.TYPE).seed(seed).build()) {
            IntStream.range(0, matches).parallel().forEach(i -> RandomMatches.check(seed, "hidden-" + i, () -> {
                RandomMatch.play(engine, "hidden-" + i, new SplittableRandom(seed + i));
                views.add(SeatViews.assertEveryViewHidesWhatItsSeatMayNotSee(engine, "hidden-" + i));
            }));
        }
        System.out.println("[hidden information] seed " + seed + ", " + matches + " matches, " + views.sum() + " views checked");
        assertThat(views.sum()).isGreaterThan(matches * 4L * 3);
    }
}
