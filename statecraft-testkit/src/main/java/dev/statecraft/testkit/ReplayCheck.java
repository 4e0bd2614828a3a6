package dev.statecraft.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.Engine;
import dev.statecraft.engine.RecordedEvent;
import dev.statecraft.rules.Rules;
import java.util.List;
import java.util.Map;

/** Checks that a game's stored history, replayed from its first event, reproduces the states it had live. */
public final class ReplayCheck {
    private ReplayCheck() {
    }

    /**
     * Folds every stored event of {@code gameId} over the game's initial state and asserts that versions
     * run 1, 2, 3... without gaps and that the state at each version in {@code liveByVersion} equals the
     * live state recorded then.
     *
     * @return the number of events replayed
     */
    public static int assertHistoryReplaysLiveStates(Engine engine, String gameId, Map<Long, Object> liveByVersion) {
        @SuppressWarnings("unchecked")
        Rules<Object, Object, Object, Object> rules = (Rules<Object, Object, Object, Object>) engine.typeOf(gameId).rules();
        Object state = engine.stateAt(gameId, 0).value();
        assertThat(state).as("game %s: initial state", gameId).isEqualTo(liveByVersion.getOrDefault(0L, state));
        List<RecordedEvent> events = engine.events(gameId, 1, Long.MAX_VALUE);
        long expectedVersion = 1;
        for (RecordedEvent event : events) {
            assertThat(event.version()).as("game %s: versions must be gapless", gameId).isEqualTo(expectedVersion);
            state = rules.evolve(state, event.event());
            Object live = liveByVersion.get(event.version());
            if (live != null) {
                assertThat(state).as("game %s: replayed state at version %d", gameId, event.version()).isEqualTo(live);
            }
            expectedVersion++;
        }
        long lastLive = liveByVersion.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        assertThat(expectedVersion - 1).as("game %s: history must reach the last live version", gameId).isGreaterThanOrEqualTo(lastLive);
        return events.size();
    }
}
